import type { Lang } from '../model/schema.js';

// The view model of the site's index page (`build`): every area with its summaries and briefs, newest first.

export interface IndexArea {
  id: string;
  name: string;
  /** The comparison page of the area (HTML and Markdown), when it has any quarter. */
  compare?: { html: string; md: string };
  briefs: IndexPage[];
  /** The summary of each calendar year, newest first. */
  summaries: IndexPage[];
}

/** A page of the site: its name and paths; `pdf` only with `build --pdf`, `docx` only with `build --docx`. */
export interface IndexPage {
  name: string;
  md: string;
  html: string;
  pdf?: string;
  docx?: string;
}

export interface IndexView {
  lang: Lang;
  title: string;
  generated_text: string;
  areas: IndexArea[];
}

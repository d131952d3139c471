import type { Lang } from '../model/schema.js';

// The view model of the site's index page (`build`): every area with its briefs, newest first.

export interface IndexArea {
  id: string;
  name: string;
  /** The comparison page of the area, when it has any quarter. */
  compare?: string;
  briefs: { name: string; md: string; html: string }[];
}

export interface IndexView {
  lang: Lang;
  title: string;
  generated_text: string;
  areas: IndexArea[];
}

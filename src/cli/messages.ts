import type { AccessReason, AccessTarget, FileAccessError } from '../model/file-access-error.js';
import type { AddableName } from '../model/ids.js';
import type { Lang } from '../model/schema.js';
import { CHOICES, type ChoiceName, choiceLabels } from '../model/vocabulary.js';
import type { PdfError } from '../write/pdf.js';
import type { SiteTargetRefusal } from '../write/site.js';

// The CLI's own texts for people, in Danish and English. (Commander's messages for unknown
// options and its --help stay in English.)

const TEXTS = {
  da: {
    bundled:
      'Ingen borgermode.yaml i denne mappe eller mapperne over; bruger eksempelprojektet (Værebro Park, opdigtede tal). Vælg selv: --data MAPPE for dine egne data, eller --sample for eksemplet (i CI og til build bruges det kun med --sample).',
    no_project_ci:
      'ingen borgermode.yaml i denne mappe eller mapperne over, og når CI er sat, bruges eksempelprojektet kun med --sample; angiv dit projekt med --data MAPPE (f.eks. --data records), eller --sample for eksempelprojektet (Værebro Park)',
    no_project_build:
      'ingen borgermode.yaml i denne mappe eller mapperne over, og build udgiver kun eksempelprojektet med --sample; angiv dit projekt med --data MAPPE (f.eks. --data records), eller --sample for eksempelprojektet (Værebro Park); intet er skrevet',
    sample_and_data: '--sample og --data kan ikke bruges sammen: --sample læser eksempelprojektet, --data MAPPE dit eget; vælg det ene',
    ok_clean: 'OK: ingen problemer fundet',
    output_extension_unknown:
      '-o {file}: filendelsen {extension} svarer ikke til et format, kommandoen skriver; forventede en af {formats} (eller angiv --format)',
    output_extension_conflict:
      '-o {file} er en {named}-fil, men --format er {format}; vælg et filnavn, der passer til formatet, eller udelad --format',
    internal_error:
      'intern fejl: {detail}. Det er en fejl i borgermode, ikke i dine data; kør igen med BORGERMODE_DEBUG=1 for detaljer, og meld fejlen',
    brief_without_figures: 'advarsel: {text} Mødeoplægget har derfor ingen kriminalitetstal; de andre afsnit er med.',
    brief_provisional: 'bemærk: {text}',
    ok_warnings: 'OK: ingen fejl',
    wrote: 'Skrev {path}',
    bad_quarter: 'ugyldigt kvartal "{value}": forventede et kvartal som 2020-Q1 (eller 2020Q1, 2020-q1), latest eller previous',
    unknown_area: 'ukendt område "{value}"{suggestion}; forventede et af {expected}',
    no_latest:
      'området {area} har endnu ingen hændelser eller udførte aktiviteter, så der er intet seneste kvartal; angiv --quarter, f.eks. --quarter 2020-Q1',
    bad_today:
      'BORGERMODE_TODAY skal være en gyldig dato skrevet ÅÅÅÅ-MM-DD fra 1990-01-01 til 2999-12-31, f.eks. 2020-06-15; fandt "{value}"',
    quarter_out_of_range:
      'kvartalet "{value}" ligger uden for de datoer, data kan have: forventede et kvartal fra {from} til {to} (fra 1990 til fem år efter i dag)',
    year_out_of_range:
      'året "{value}" ligger uden for de datoer, data kan have: forventede et årstal fra {from} til {to} (fra 1990 til fem år efter i dag)',
    date_in_range: 'en dato fra {from} til {to} (fra 1990 til fem år efter i dag)',
    one_line: '{expected} på én linje uden kontroltegn',
    did_you_mean: ' (mente du "{value}"?)',
    pdf_needs_output: '--format pdf skriver en fil: angiv -o FIL, f.eks. -o moedeoplaeg.pdf',
    file_format_needs_output: '--format {format} skriver en fil: angiv -o FIL, f.eks. -o {example}.{format}',
    pdf_hint:
      'Installér Chromium (Debian/Ubuntu: sudo apt-get install chromium) eller sæt BORGERMODE_CHROMIUM=/sti/til/chromium. Uden Chromium: brug --format html og udskriv siden fra en browser.',
    pdf_no_chromium: 'ingen Chromium fundet til PDF: BORGERMODE_CHROMIUM er ikke sat, og ingen af {names} findes på PATH. {hint}',
    pdf_bad_path: 'BORGERMODE_CHROMIUM={path} er ikke en fil, der kan køres. {hint}',
    pdf_no_playwright:
      'PDF kræver npm-pakken playwright-core, som ikke er installeret: npm install playwright-core (den henter ingen browser).',
    pdf_print_failed: 'Chromium ({path}) kunne ikke udskrive PDF: {detail}',
    bad_quarter_count: 'ugyldigt antal kvartaler "{value}": forventede et helt tal fra 1 til 80, f.eks. --quarters 8',
    excel_needs_csv: '--excel gælder kun --format csv',
    bad_year: 'ugyldigt år "{value}": forventede et årstal med fire cifre, f.eks. --year 2019',
    year_and_range: '--year kan ikke stå sammen med --from/--to: vælg et kalenderår eller en række kvartaler',
    to_needs_from: '--to hører sammen med --from, f.eks. --from 2019-Q3 --to 2020-Q2',
    from_after_to: '--from {from} ligger efter --to {to}',
    period_too_long: 'perioden {from} – {to} er på {count} kvartaler; højst 80',
    no_data_in_year: 'der er ingen data for {year} endnu: det seneste kvartal med data er {latest}',
    table_needs_csv: '--table vælger tabellen i --format csv; de andre formater viser alle afsnit',
    list_filter_kind: '--{flag} gælder kun {kinds}, ikke {kind}',
    list_json_format: '--json er det samme som --format json; udelad den ene',
    list_none: 'Ingen {kind} at vise{filters}.',
    list_filtered: ' med de valgte filtre',
    bad_source_date_epoch:
      'SOURCE_DATE_EPOCH skal være sekunder siden 1. januar 1970 (et helt tal fra 0 til 32503679999, dvs. til og med 31. december 2999); fandt "{value}"',
    site_written: 'Skrev {count} sider i {path}',
    build_progress: 'build: {done}/{total} sider',
    site_hidden:
      'De offentlige mødeoplæg skjuler {hidden} af deres {total} tal om kriminalitet og utryghed ({percent}) af hensyn til de involverede',
    out_project:
      '--out {path} er selve dataprojektet; build erstatter hele mappen med sitet, så den afvises. Vælg en mappe til sitet, f.eks. --out site; intet er rørt',
    out_holds_project:
      '--out {path} indeholder dataprojektet; build erstatter hele mappen med sitet, så den afvises. Vælg en mappe til sitet, f.eks. --out site; intet er rørt',
    out_cwd:
      '--out {path} er den mappe, du står i (eller en mappe over den); build erstatter hele mappen med sitet, så den afvises. Vælg en undermappe, f.eks. --out site; intet er rørt',
    out_home:
      '--out {path} er din hjemmemappe (eller en mappe over den); build erstatter hele mappen med sitet, så den afvises. Vælg en undermappe, f.eks. --out site; intet er rørt',
    out_filesystem_root: '--out {path} er roden af filsystemet; vælg en mappe til sitet, f.eks. --out site; intet er rørt',
    out_not_a_folder: '--out {path} findes og er ikke en mappe; build skriver sitet i en mappe, f.eks. --out site; intet er rørt',
    out_link:
      '--out {path} er et symbolsk link; build erstatter kun en rigtig mappe, som det selv har skrevet. Angiv mappen selv; intet er rørt',
    out_not_a_site:
      '--out {path} indeholder filer, som build ikke har skrevet; build erstatter kun en tom mappe eller et site, det selv har skrevet (med filen .borgermode-site). Vælg en anden mappe, f.eks. --out site, eller tøm den; intet er rørt',
    areas_table_needs_flag: '--table areas hører sammen med --areas (områderne sammenlignet for ét kvartal)',
    // data entry: add, answer, init, schema
    nothing_written: 'intet er skrevet',
    cancelled: 'afbrudt; intet er skrevet',
    no_project:
      'ingen borgermode.yaml i denne mappe eller mapperne over; kør "borgermode init" for at starte et projekt, eller angiv --data MAPPE',
    missing_values:
      'mangler {flags}; angiv det som flag, f.eks. {example} (borgermode spørger kun på en terminal, og aldrig når CI er sat)',
    missing_kind: 'mangler posttypen: angiv incident, activity, question eller meeting, f.eks. borgermode add incident',
    bad_flag: '{flag}: forventede {expected}, fandt {found}',
    flag_not_for_kind: '{flag} hører ikke til {kind}; {kind} tager {flags}',
    settings_broken: 'intet er skrevet: borgermode.yaml har fejl; ret dem, før der skrives poster',
    added: 'Tilføjede {id} i {file}',
    added_new_file: 'Tilføjede {id} i den nye fil {file}',
    add_refused: 'intet er skrevet: posten ville give fejl i projektet',
    answer_refused: 'intet er skrevet: svaret ville give fejl i projektet',
    updated: 'Opdaterede {id} i {file}',
    busy: 'projektet er låst af en anden borgermode, der skriver ({path}); prøv igen om lidt',
    edit_unreadable:
      'kan ikke skrive i {file}: filen kan ikke læses som YAML-poster ({detail}); kør "borgermode validate" og ret den først',
    edit_layout:
      'kan ikke skrive sikkert i {file} ({detail}); skriv posten i hånden, eller gør listen til en almindelig liste med "- " foran hver post',
    edit_not_block:
      'kan ikke skrive sikkert i {file}: filen er skrevet som én mapping i krøllede parenteser; skriv posten i hånden, eller skriv filen med posttyperne på hver sin linje ("incidents:") og "- " foran hver post',
    edit_not_a_list: 'kan ikke skrive i {file}: {detail} er ikke en liste; ret filen først (kør "borgermode validate")',
    no_open_questions: "projektet har ingen åbne spørgsmål; angiv id'et på det spørgsmål, der skal have et nyt svar: borgermode answer ID",
    answer_needs_id: 'mangler spørgsmålets id: borgermode answer ID; åbne spørgsmål: {ids}',
    choose_question: 'Hvilket spørgsmål?',
    priorities_full:
      'området {area} har allerede {count} aktive prioriteter ({ids}), og højst {max} må være aktive: sæt status: achieved eller dropped på en af dem først (eller giv den nye --status); intet er skrevet',
    errors_elsewhere: 'Bemærk: projektet har {count} fejl i andre poster; borgermode validate viser dem.',
    unknown_question: 'ukendt spørgsmål "{id}"{suggestion}; forventede id\'et på et af projektets spørgsmål',
    init_exists: 'der er allerede et projekt i {dir} (borgermode.yaml); intet er ændret',
    init_inside: '{dir} ligger inde i projektet {root}; et projekt kan ikke ligge i et andet, så intet er ændret',
    init_done: 'Oprettede et projekt i {dir} med {files}',
    this_folder: 'denne mappe',
    init_lacks:
      'Mødeoplægget har ingen kontakter og intet fast mødested, før du fjerner "# " foran meeting: og contacts: i borgermode.yaml og udfylder dem.',
    init_lacks_contacts: 'Mødeoplægget har ingen kontakter, før du fjerner "# " foran contacts: i borgermode.yaml og udfylder dem.',
    init_lacks_place: 'Mødeoplægget har intet fast mødested, før du fjerner "# " foran meeting: i borgermode.yaml og udfylder det.',
    contact_needs_role:
      '--contact-phone og --contact-email hører til en kontakt: angiv også --contact-role, f.eks. --contact-role "Lokalbetjentene"',
    ask_place: 'Borgermødernes faste sted (f.eks. Beboerhuset)',
    ask_contact_role: 'En kontakt i mødeoplægget: rollen (f.eks. Lokalbetjentene i området)',
    ask_contact_phone: 'Kontaktens telefon (et fælles nummer, ikke et privat)',
    ask_contact_email: 'Kontaktens e-mail',
    ask_area_id: 'Områdets id (bruges i posternes area-felt; a-z, 0-9 og -)',
    area_exists: 'der er allerede et område med id\'et "{id}"',
    ask_fill_area:
      '{records} poster i {files} filer har intet area-felt og hører til {id}; med to områder skal hver post sige sit. Skal borgermode skrive area: {id} i dem?',
    fill_area_declined:
      'intet er skrevet: med to områder skal hver post have sit area-felt; skriv area: {id} i posterne, eller lad borgermode gøre det (--fill-area)',
    fill_area_needed:
      '{records} poster i {files} filer har intet area-felt og hører i dag til {id}; med to områder skal hver post sige sit. Kør igen med --fill-area, så skriver borgermode area: {id} i dem; intet er skrevet',
    area_added: 'Tilføjede området {id} i {file}',
    area_filled: ' og skrev area: {id} i {records} poster i {files} filer',
    import_no_header:
      'fandt ingen overskriftsrække blandt de første 20 rækker; forventede kolonner som Dato, Kategori, Antal (hændelser), Aktivitet, Deltagere, Timer (aktiviteter) eller Spørgsmål (spørgsmål)',
    import_kind_guessed: 'Læser {file} som {kind} (kolonnerne {columns}); angiv --kind for at vælge selv',
    import_ignored: 'Bruger ikke kolonnerne {columns}',
    import_missing_column: 'ingen kolonne til feltet {field}; forventede en overskrift som {headers}',
    import_column: 'kolonnen "{header}"',
    import_empty: '{column} er tom, men feltet skal udfyldes',
    import_dry_run: '{count} {kind} ville blive tilføjet; {skipped} er importeret før. Intet er skrevet (--dry-run).',
    import_nothing_new: 'Intet nyt i {file}: alle {skipped} rækker er importeret før.',
    import_done: 'Importerede {count} {kind} fra {file} til {files}{skipped}',
    import_skipped: '; {skipped} rækker var importeret før',
    import_bad_map: 'kortlægningen {file} kan ikke bruges: {detail}',
    import_map_shape:
      '{where}: forventede kind (incidents, activities eller questions), columns (overskrift: felt) og values (felt: arkets ord: værdi)',
    import_map_field: '{where}: "{found}" er ikke et felt i {kind}; forventede et af {expected}',
    import_map_inside: 'Bemærk: {file} ligger i projektmappen og læses derfor som en postfil; flyt den ud (kopien ovenfor bruges fremover)',
    import_saved_map: 'Bruger den gemte kortlægning {file} (samme overskrifter som sidst)',
    import_map_kept: 'Gemte kortlægningen som {file}; den bruges igen til et regneark med de samme overskrifter',
    init_next: 'Næste skridt: borgermode add incident (eller activity, question, meeting), og derefter borgermode validate.',
    schema_wrote: 'Skrev {files}',
    schema_needs_out: 'ingen borgermode.yaml i denne mappe eller mapperne over; angiv --out MAPPE, hvor skemaerne skal skrives',
    optional: '(Enter for ingen)',
    none: '(ingen)',
    ask_kind: 'Hvilken slags post?',
    ask_area_name: 'Områdets navn',
    ask_municipality: 'Kommune',
    ask_police_district: 'Politikreds',
    ask_residents: 'Antal beboere (giver tal pr. 1.000 beboere)',
    ask_zones: 'Zoner i området, adskilt med komma (f.eks. Blok 1-4, Centret)',
    ask_language: 'Sprog i mødeoplæg og meddelelser',
    ask_min_count: 'Mindste antal, der vises i offentlige udgaver (mindre tal vises som "<N")',
    default_area_name: 'Mit boligområde',
    required: 'skal udfyldes',
  },
  en: {
    bundled:
      'No borgermode.yaml in this folder or above it; using the bundled sample project (Værebro Park, made-up figures). Choose: --data DIR for your own data, or --sample for the sample (in CI and for build it is used only with --sample).',
    no_project_ci:
      'no borgermode.yaml in this folder or above it, and with CI set the bundled sample is used only with --sample; pass your project with --data DIR (e.g. --data records), or --sample for the sample project (Værebro Park)',
    no_project_build:
      'no borgermode.yaml in this folder or above it, and build publishes the bundled sample only with --sample; pass your project with --data DIR (e.g. --data records), or --sample for the sample project (Værebro Park); nothing is written',
    sample_and_data:
      '--sample and --data cannot be used together: --sample reads the bundled sample, --data DIR your own project; choose one',
    ok_clean: 'OK: no problems found',
    output_extension_unknown:
      '-o {file}: the extension {extension} names no format this command writes; expected one of {formats} (or give --format)',
    output_extension_conflict:
      '-o {file} is a {named} file, but --format is {format}; choose a file name that fits the format, or leave out --format',
    internal_error:
      'internal error: {detail}. This is a fault in borgermode, not in your data; run again with BORGERMODE_DEBUG=1 for details, and report it',
    brief_without_figures: 'warning: {text} So the brief has no crime figures; the other sections are there.',
    brief_provisional: 'note: {text}',
    ok_warnings: 'OK: no errors',
    wrote: 'Wrote {path}',
    bad_quarter: 'bad quarter "{value}": expected a quarter such as 2020-Q1 (or 2020Q1, 2020-q1), latest or previous',
    unknown_area: 'unknown area "{value}"{suggestion}; expected one of {expected}',
    no_latest:
      'area {area} has no incidents and no done activities yet, so there is no latest quarter; pass --quarter, e.g. --quarter 2020-Q1',
    bad_today: 'BORGERMODE_TODAY must be a valid date written YYYY-MM-DD from 1990-01-01 to 2999-12-31, e.g. 2020-06-15; found "{value}"',
    quarter_out_of_range:
      'the quarter "{value}" is outside the dates data can have: expected a quarter from {from} to {to} (from 1990 to five years after today)',
    year_out_of_range:
      'the year "{value}" is outside the dates data can have: expected a year from {from} to {to} (from 1990 to five years after today)',
    date_in_range: 'a date from {from} to {to} (from 1990 to five years after today)',
    one_line: '{expected}, on one line without control characters',
    did_you_mean: ' (did you mean "{value}"?)',
    pdf_needs_output: '--format pdf writes a file: pass -o FILE, e.g. -o brief.pdf',
    file_format_needs_output: '--format {format} writes a file: give -o FILE, e.g. -o {example}.{format}',
    pdf_hint:
      'Install Chromium (Debian/Ubuntu: sudo apt-get install chromium) or set BORGERMODE_CHROMIUM=/path/to/chromium. Without Chromium: use --format html and print the page from a browser.',
    pdf_no_chromium: 'no Chromium found for PDF output: BORGERMODE_CHROMIUM is not set and none of {names} is on PATH. {hint}',
    pdf_bad_path: 'BORGERMODE_CHROMIUM={path} is not a file that can be run. {hint}',
    pdf_no_playwright:
      'PDF output needs the npm package playwright-core, which is not installed: npm install playwright-core (it downloads no browser).',
    pdf_print_failed: 'Chromium ({path}) could not print the PDF: {detail}',
    bad_quarter_count: 'bad number of quarters "{value}": expected a whole number from 1 to 80, e.g. --quarters 8',
    excel_needs_csv: '--excel only goes with --format csv',
    bad_year: 'bad year "{value}": expected a four-digit year, e.g. --year 2019',
    year_and_range: '--year cannot go with --from/--to: choose a calendar year or a run of quarters',
    to_needs_from: '--to goes with --from, e.g. --from 2019-Q3 --to 2020-Q2',
    from_after_to: '--from {from} lies after --to {to}',
    period_too_long: 'the period {from} – {to} has {count} quarters; at most 80',
    no_data_in_year: 'there are no data for {year} yet: the latest quarter with data is {latest}',
    table_needs_csv: '--table picks the table of --format csv; the other formats show every section',
    list_filter_kind: '--{flag} applies only to {kinds}, not to {kind}',
    list_json_format: '--json is the same as --format json; leave out one of them',
    list_none: 'No {kind} to show{filters}.',
    list_filtered: ' with those filters',
    bad_source_date_epoch:
      'SOURCE_DATE_EPOCH must be seconds since 1 January 1970 (a whole number from 0 to 32503679999, that is up to 31 December 2999); found "{value}"',
    site_written: 'Wrote {count} pages to {path}',
    build_progress: 'build: {done}/{total} pages',
    site_hidden:
      'The public briefs hide {hidden} of their {total} figures on crime and concerns ({percent}) to protect the people involved',
    out_project:
      '--out {path} is the data project itself; build replaces the whole folder with the site, so it is refused. Choose a folder for the site, e.g. --out site; nothing was touched',
    out_holds_project:
      '--out {path} holds the data project; build replaces the whole folder with the site, so it is refused. Choose a folder for the site, e.g. --out site; nothing was touched',
    out_cwd:
      '--out {path} is the current folder (or one above it); build replaces the whole folder with the site, so it is refused. Choose a folder below it, e.g. --out site; nothing was touched',
    out_home:
      '--out {path} is your home folder (or one above it); build replaces the whole folder with the site, so it is refused. Choose a folder below it, e.g. --out site; nothing was touched',
    out_filesystem_root: '--out {path} is the root of the file system; choose a folder for the site, e.g. --out site; nothing was touched',
    out_not_a_folder: '--out {path} exists and is not a folder; build writes the site into a folder, e.g. --out site; nothing was touched',
    out_link:
      '--out {path} is a symbolic link; build only replaces a real folder it wrote itself. Give the folder itself; nothing was touched',
    out_not_a_site:
      '--out {path} holds files build did not write; build only replaces an empty folder or a site it wrote itself (with the file .borgermode-site). Choose another folder, e.g. --out site, or empty it; nothing was touched',
    areas_table_needs_flag: '--table areas goes with --areas (the areas compared for one quarter)',
    // data entry: add, answer, init, schema
    nothing_written: 'nothing was written',
    cancelled: 'interrupted; nothing was written',
    no_project: 'no borgermode.yaml in this folder or above it; run "borgermode init" to start a project, or pass --data DIR',
    missing_values:
      'missing {flags}; pass it on the command line, e.g. {example} (borgermode asks only on a terminal, and never when CI is set)',
    missing_kind: 'missing the record kind: pass incident, activity, question or meeting, e.g. borgermode add incident',
    bad_flag: '{flag}: expected {expected}, found {found}',
    flag_not_for_kind: '{flag} does not apply to {kind}; {kind} takes {flags}',
    settings_broken: 'nothing was written: borgermode.yaml has errors; fix them before records are written',
    added: 'Added {id} to {file}',
    added_new_file: 'Added {id} to the new file {file}',
    add_refused: 'nothing was written: the record would bring errors into the project',
    answer_refused: 'nothing was written: the answer would bring errors into the project',
    updated: 'Updated {id} in {file}',
    busy: 'the project is locked by another borgermode that is writing ({path}); try again in a moment',
    edit_unreadable: 'cannot write to {file}: it cannot be read as YAML records ({detail}); run "borgermode validate" and fix it first',
    edit_layout:
      'cannot write safely to {file} ({detail}); write the record by hand, or make the list a plain list with "- " before each record',
    edit_not_block:
      'cannot write safely to {file}: the file is written as one mapping in curly brackets; write the record by hand, or write the file with each record kind on its own line ("incidents:") and "- " before each record',
    edit_not_a_list: 'cannot write to {file}: {detail} is not a list; fix the file first (run "borgermode validate")',
    no_open_questions: 'the project has no open questions; give the id of the question to answer anew: borgermode answer ID',
    answer_needs_id: "the question's id is missing: borgermode answer ID; open questions: {ids}",
    choose_question: 'Which question?',
    priorities_full:
      'the area {area} already has {count} active priorities ({ids}), and at most {max} may be active: set status: achieved or dropped on one of them first (or give the new one --status); nothing was written',
    errors_elsewhere: 'Note: other records of the project have errors ({count}); borgermode validate lists them.',
    unknown_question: 'unknown question "{id}"{suggestion}; expected the id of one of the project\'s questions',
    init_exists: 'there is already a project in {dir} (borgermode.yaml); nothing was changed',
    init_inside: '{dir} is inside the project {root}; a project cannot sit inside another, so nothing was changed',
    init_done: 'Created a project in {dir} with {files}',
    this_folder: 'this folder',
    init_lacks:
      'The brief has no contacts and no usual meeting place until you remove the "# " before meeting: and contacts: in borgermode.yaml and fill them in.',
    init_lacks_contacts: 'The brief has no contacts until you remove the "# " before contacts: in borgermode.yaml and fill them in.',
    init_lacks_place: 'The brief has no usual meeting place until you remove the "# " before meeting: in borgermode.yaml and fill it in.',
    contact_needs_role:
      '--contact-phone and --contact-email belong to a contact: give --contact-role too, e.g. --contact-role "Local police officers"',
    ask_place: "The usual place of the meetings (e.g. the residents' house)",
    ask_contact_role: 'A contact for the brief: the role (e.g. the local police officers of the area)',
    ask_contact_phone: "The contact's phone (a shared number, not a private one)",
    ask_contact_email: "The contact's email",
    ask_area_id: "The area's id (used in the area field of records; a-z, 0-9 and -)",
    area_exists: 'there is already an area with the id "{id}"',
    ask_fill_area:
      '{records} records in {files} files have no area field and belong to {id}; with two areas each record must say which. Shall borgermode write area: {id} into them?',
    fill_area_declined:
      'nothing was written: with two areas each record needs its area field; write area: {id} into the records, or let borgermode do it (--fill-area)',
    fill_area_needed:
      '{records} records in {files} files have no area field and now belong to {id}; with two areas each record must say which. Run again with --fill-area and borgermode writes area: {id} into them; nothing was written',
    area_added: 'Added the area {id} to {file}',
    area_filled: ' and wrote area: {id} into {records} records in {files} files',
    import_no_header:
      'found no header row in the first 20 rows; expected columns such as Date, Category, Count (incidents), Activity, Participants, Hours (activities) or Question (questions)',
    import_kind_guessed: 'Reading {file} as {kind} (the columns {columns}); give --kind to choose',
    import_ignored: 'Not using the columns {columns}',
    import_missing_column: 'no column for the field {field}; expected a header such as {headers}',
    import_column: 'the column "{header}"',
    import_empty: '{column} is empty, but the field is required',
    import_dry_run: '{count} {kind} would be added; {skipped} were imported before. Nothing was written (--dry-run).',
    import_nothing_new: 'Nothing new in {file}: all {skipped} rows were imported before.',
    import_done: 'Imported {count} {kind} from {file} into {files}{skipped}',
    import_skipped: '; {skipped} rows were imported before',
    import_bad_map: 'the mapping {file} cannot be used: {detail}',
    import_map_shape:
      "{where}: expected kind (incidents, activities or questions), columns (header: field) and values (field: the sheet's word: value)",
    import_map_field: '{where}: "{found}" is no field of {kind}; expected one of {expected}',
    import_map_inside:
      'Note: {file} is inside the project folder, so it is read as a record file; move it out (the copy above is used from now on)',
    import_saved_map: 'Using the saved mapping {file} (the same headers as last time)',
    import_map_kept: 'Kept the mapping as {file}; it is used again for a sheet with the same headers',
    init_next: 'Next: borgermode add incident (or activity, question, meeting), then borgermode validate.',
    schema_wrote: 'Wrote {files}',
    schema_needs_out: 'no borgermode.yaml in this folder or above it; pass --out DIR for the schemas',
    optional: '(Enter for none)',
    none: '(none)',
    ask_kind: 'What kind of record?',
    ask_area_name: 'Name of the area',
    ask_municipality: 'Municipality',
    ask_police_district: 'Police district',
    ask_residents: 'Number of residents (gives rates per 1,000 residents)',
    ask_zones: 'Zones of the area, separated by commas (e.g. Blok 1-4, Centret)',
    ask_language: 'Language of the brief and the messages',
    ask_min_count: 'Smallest number shown in public output (smaller ones are shown as "<N")',
    default_area_name: 'My housing area',
    required: 'is required',
  },
} as const;

export type CliTextKey = keyof (typeof TEXTS)['en'];
export const CLI_TEXT_KEYS = Object.keys(TEXTS.en) as CliTextKey[];

/** A CLI text in `lang` with `{name}` placeholders filled in. */
export function cliText(lang: Lang, key: CliTextKey, values: Record<string, string> = {}): string {
  return TEXTS[lang][key].replace(/\{(\w+)\}/g, (match, name: string) => values[name] ?? match);
}

/** Labels of the values a prompt offers, by field (singular, for choosing one): the record vocabulary's lists, the record kinds and the languages. */
const CHOICE_LABELS: Record<Lang, Record<string, Record<string, string>>> = {
  da: {
    kind: {
      incident: 'Hændelse',
      activity: 'Aktivitet',
      question: 'Spørgsmål fra beboere',
      meeting: 'Borgermøde',
      priority: 'Fælles prioritet',
      survey: 'Tryghedstal',
      'list-status': 'Listestatus',
      area: 'Et nyt område',
    } satisfies Record<AddableName | 'area', string>,
    language: { da: 'Dansk', en: 'English' } satisfies Record<Lang, string>,
    ...vocabularyLabels('da'),
  },
  en: {
    kind: {
      incident: 'Incident',
      activity: 'Activity',
      question: 'Question from residents',
      meeting: 'Citizen meeting',
      priority: 'Shared priority',
      survey: 'Survey figure',
      'list-status': 'List status',
      area: 'A new area',
    } satisfies Record<AddableName | 'area', string>,
    language: { da: 'Dansk', en: 'English' } satisfies Record<Lang, string>,
    ...vocabularyLabels('en'),
  },
};

function vocabularyLabels(lang: Lang): Record<ChoiceName, Record<string, string>> {
  return Object.fromEntries((Object.keys(CHOICES) as ChoiceName[]).map((name) => [name, choiceLabels(name, lang)])) as Record<
    ChoiceName,
    Record<string, string>
  >;
}

/** "Vold (violence)": a value's label in `lang` with the value itself, so the ids are learnt on the way. */
export function choiceName(lang: Lang, field: string, value: string): string {
  const labels = CHOICE_LABELS[lang][field];
  return labels === undefined || !Object.hasOwn(labels, value) ? value : `${labels[value]} (${value})`;
}

/** "--date og --category" / "--date and --category". */
export function listWords(lang: Lang, items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${lang === 'da' ? 'og' : 'and'} ${items.at(-1)}`;
}

const TARGETS: Record<Lang, Record<AccessTarget, string>> = {
  da: {
    'data-folder': 'datamappen',
    folder: 'mappen',
    file: 'filen',
    template: 'skabelonen',
    'templates-folder': 'skabelonmappen',
    output: 'filen',
  },
  en: {
    'data-folder': 'data folder',
    folder: 'folder',
    file: 'file',
    template: 'template',
    'templates-folder': 'templates folder',
    output: 'file',
  },
};

const REASONS: Record<Lang, Record<AccessReason, string>> = {
  da: {
    missing: 'den findes ikke',
    denied: 'adgang nægtet',
    'not-a-folder': 'det er ikke en mappe',
    'no-settings': 'der er ingen borgermode.yaml; et dataprojekt skal have en i roden',
    'no-parent': 'mappen, den skal ligge i, findes ikke',
    'is-a-folder': 'det er en mappe; angiv en fil, f.eks. -o moedeoplaeg.md',
    'no-space': 'der er ikke plads på disken; en tidligere fil er urørt',
    'read-only': 'filsystemet er skrivebeskyttet',
    'not-read':
      'der ligger allerede noget, som ikke læses (et symbolsk link uden for projektet; se validate), og det erstattes ikke; intet er skrevet',
    other: 'fejl',
  },
  en: {
    missing: 'it does not exist',
    denied: 'permission denied',
    'not-a-folder': 'it is not a folder',
    'no-settings': 'there is no borgermode.yaml; a data project needs one at its root',
    'no-parent': 'the folder it should be in does not exist',
    'is-a-folder': 'it is a folder; give a file, e.g. -o brief.md',
    'no-space': 'there is no space left on the disk; a previous file is untouched',
    'read-only': 'the file system is read-only',
    'not-read':
      'something is already there that is not read (a symbolic link out of the project; see validate), and it is not replaced; nothing was written',
    other: 'error',
  },
};

/** "cannot open the data folder /x: it does not exist", in `lang`. */
export function accessErrorText(error: FileAccessError, lang: Lang): string {
  const verb =
    error.target === 'output' ? (lang === 'da' ? 'kan ikke skrive' : 'cannot write') : lang === 'da' ? 'kan ikke åbne' : 'cannot open';
  const reason = error.reason === 'other' ? `${REASONS[lang].other}: ${error.detail}` : REASONS[lang][error.reason];
  return `${verb} ${TARGETS[lang][error.target]} ${error.path}: ${reason}`;
}

/** Why `build --out` refuses a folder (write/site.ts), in `lang`: nothing was touched. */
export function siteTargetText(refusal: SiteTargetRefusal, path: string, lang: Lang): string {
  return cliText(lang, SITE_TARGET_TEXTS[refusal], { path });
}

const SITE_TARGET_TEXTS: Record<SiteTargetRefusal, CliTextKey> = {
  project: 'out_project',
  'holds-project': 'out_holds_project',
  cwd: 'out_cwd',
  home: 'out_home',
  'filesystem-root': 'out_filesystem_root',
  'not-a-folder': 'out_not_a_folder',
  link: 'out_link',
  'not-a-site': 'out_not_a_site',
};

/** Why no PDF was written, and what to install or set, in `lang`. */
export function pdfErrorText(error: PdfError, lang: Lang): string {
  const hint = cliText(lang, 'pdf_hint');
  switch (error.reason) {
    case 'no-chromium':
      return cliText(lang, 'pdf_no_chromium', { names: error.names.join(', '), hint });
    case 'bad-chromium-path':
      return cliText(lang, 'pdf_bad_path', { path: error.path, hint });
    case 'no-playwright':
      return cliText(lang, 'pdf_no_playwright');
    case 'print-failed':
      return cliText(lang, 'pdf_print_failed', { path: error.path, detail: error.detail });
  }
}

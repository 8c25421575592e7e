/** A spreadsheet cell as the readers hand it over: text as written, or a number an xlsx cell holds. */
export type Cell = string | number;

/** The exports Collab Lens can import, each recognised by its header row. */
export type ImportKind = 'creator-analysis' | 'orders';

/** What is wrong with a cell; the UI turns it into a sentence in the seller's language. */
export type Problem =
  | 'required'
  | 'amount'
  | 'currency'
  | 'percent'
  | 'count'
  | 'date'
  | 'id'
  | 'handle'
  | 'text'
  | 'settlement'
  | 'collaboration'
  | 'yesNo'
  | 'range'
  | 'duplicate';

/**
 * One problem in a file, where the seller can find it: the spreadsheet row number (as Excel numbers it, header = its
 * own row) and the column title as written in the file.
 */
export interface ImportIssue {
  row: number;
  column: string;
  /** The cell as written, cut to a readable length. */
  value: string;
  problem: Problem;
  /** For `duplicate`: the row that came first. */
  firstRow?: number;
}

/** A problem with the file as a whole: nothing in it can be imported. */
export type FileProblem =
  | { problem: 'empty' }
  | { problem: 'unreadable' }
  | { problem: 'unrecognised'; columns: string[] }
  | { problem: 'missingColumns'; kind: ImportKind; columns: string[] }
  | { problem: 'noRows'; kind: ImportKind }
  | { problem: 'tooManyRows'; kind: ImportKind; rows: number; max: number };

/** The most rows one import takes. */
export const MAX_ROWS = 100_000;

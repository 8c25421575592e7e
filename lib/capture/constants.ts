/** Shared by the page-world hook (which must stay dependency-free) and the content script. */
export const CAPTURE_EVENT = 'collab-lens:capture';
export const MAX_RESPONSE_CHARS = 16 * 1024 * 1024;
export const MAX_REQUEST_BODY_CHARS = 64 * 1024;

/** The page hook's event detail, before validation. */
export interface PageCaptureDetail {
  v: 1;
  url: string;
  method: string;
  status: number;
  requestBody?: string;
  responseText: string;
}

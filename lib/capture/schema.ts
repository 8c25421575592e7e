import * as z from 'zod/mini';

/**
 * What crosses each boundary of the capture pipeline. zod/mini keeps the content script small; the background validates
 * the same schemas again on entry because a content script is less trusted than the background.
 */

import { MAX_REQUEST_BODY_CHARS, MAX_RESPONSE_CHARS } from './constants';

/** The page-world hook's event detail (a JSON string, so nothing but data crosses worlds). */
export const pageCapture = z.object({
  v: z.literal(1),
  url: z.string().check(z.maxLength(4096)),
  method: z.string().check(z.maxLength(16)),
  status: z.number().check(z.int()),
  requestBody: z.optional(z.string().check(z.maxLength(MAX_REQUEST_BODY_CHARS))),
  responseText: z.string().check(z.maxLength(MAX_RESPONSE_CHARS)),
});
export type PageCapture = z.infer<typeof pageCapture>;

export const capture = z.extend(pageCapture, {
  id: z.string().check(z.regex(/^[\w-]{8,64}$/)),
  pageUrl: z.string().check(z.maxLength(4096)),
  seenAt: z.number().check(z.int(), z.gte(1e12)),
});
export type Capture = z.infer<typeof capture>;

export const captureBatch = z.object({
  captures: z.array(capture).check(z.maxLength(200)),
});
export type CaptureBatch = z.infer<typeof captureBatch>;

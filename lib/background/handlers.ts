import { captureBatch } from '../capture/schema';
import type { AppDB } from '../db/app-db';
import { ingestCaptures } from '../ingest/ingest';
import { figuresQuery, onMessage } from '../messaging/protocol';
import { creatorFigures } from '../queries/figures';

/** Every message the background answers. Inputs are validated here: the types are only compile-time. */
export function registerHandlers(db: AppDB): void {
  onMessage('ingestCaptures', ({ data }) => ingestCaptures(db, captureBatch.parse(data).captures));
  onMessage('getCreatorFigures', ({ data }) => {
    const q = figuresQuery.parse(data);
    return creatorFigures(db, q.shopKey, q.handles);
  });
}

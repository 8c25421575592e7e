/** The creator marketplace surfaces, in nav order: Find creators, Creator rankings, and Creator detail (no nav entry). */
export { creatorDetail } from './creator-detail';
export { creatorRankings } from './creator-rankings';
export { findCreators } from './find-creators';

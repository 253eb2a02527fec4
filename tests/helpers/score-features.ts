import type { ScoreFeatures } from '../../src-main/creators/score';

/** A creator the score knows nothing about yet: no figures, no category or region, no history. */
export const unknownCreator: ScoreFeatures = {
  followers: null,
  gmvMinor: null,
  gmvCurrency: null,
  unitsSold: null,
  avgVideoViews: null,
  engagementBp: null,
  categories: [],
  region: null,
  invitations: 0,
  accepted: 0,
  samplesDue: null,
  samplesPostedOnTime: null,
  unitsOrdered: 0,
  unitsRefunded: 0,
};

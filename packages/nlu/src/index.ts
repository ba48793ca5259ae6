export { trainIntentModel, classify, type IntentModel, type LabelledText, type TrainOptions, type Classification } from './intent-classifier.ts';
export { encodeModel, decodeModel } from './model-codec.ts';
export { evaluate, evaluateOutOfScope, type Evaluation, type OutOfScopeEvaluation } from './evaluate.ts';
export { accuracy, macroF1, percentile } from './metrics.ts';
export { seededRandom, shuffleInPlace } from './random.ts';
export { DEFAULT_FEATURES, type FeatureOptions } from './features.ts';

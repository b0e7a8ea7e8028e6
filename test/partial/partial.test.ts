import { checkCases } from './cases.js';

// Partial bundles as people send them (issue #11): each names its cause with a confidence band and the next input.
checkCases('partial', 12);

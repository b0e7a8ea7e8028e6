import { checkCases } from './cases.js';

// Evidence as people post it in forums and issue trackers (issue #19): the verdict never reassures without the accounting.
checkCases('posted', 4);

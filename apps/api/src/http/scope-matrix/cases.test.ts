import { describe } from 'vitest';
import { scopeSuite } from '../../../test/scope-world';

/** Every cases endpoint aimed at objects of another district, another unit and a second city. */
describe('object scope: cases', () => {
  scopeSuite('cases');
});

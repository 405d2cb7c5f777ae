import { describe } from 'vitest';
import { scopeSuite } from '../../../test/scope-world';

/** Every campaigns endpoint aimed at objects of another district, another unit and a second city. */
describe('object scope: campaigns', () => {
  scopeSuite('campaigns');
});

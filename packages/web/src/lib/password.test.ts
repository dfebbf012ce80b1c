import { checkPasswordPolicy } from '@tuoitho/domain';
import { describe, expect, it } from 'vitest';
import { generatePassword } from './password';

describe('generatePassword', () => {
  it('always satisfies the password policy', () => {
    for (let i = 0; i < 200; i++) {
      const password = generatePassword(14, 'bimson.canbo');
      expect(password).toHaveLength(14);
      expect(checkPasswordPolicy(password, 'bimson.canbo')).toEqual([]);
    }
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { validationMessages } from '../common';
import { Child, ChildList, ChildStatusChange, CreateChildRequest, UpdateChildRequest } from './child';
import { ChildListQuery, SaveChildFilterRequest, SavedChildFilter } from './child-query';
import { DateOfBirthRule } from './date-of-birth';
import { DuplicateCandidate } from './duplicates';
import { PersonalIdRule } from './personal-id';

/** Message keys written in the sources of the registry and catalogues (`message: 'x'`, `fail('x')`). */
function messageKeysInSources(): string[] {
  const keys = new Set<string>();
  for (const folder of ['.', '../catalogues']) {
    const dir = join(import.meta.dirname, folder);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
      const text = readFileSync(join(dir, file), 'utf8');
      for (const match of text.matchAll(/(?:message: |fail\()'([a-z_]+)'/g)) keys.add(match[1]!);
    }
  }
  return [...keys].sort();
}

describe('validation messages of the registry', () => {
  const keys = [...messageKeysInSources(), ...PersonalIdRule.options, ...DateOfBirthRule.options];

  it('finds the keys in the sources', () => {
    expect(keys).toContain('personal_id_format');
    expect(keys).toContain('import_date_month_first');
    expect(keys.length).toBeGreaterThan(25);
  });

  it.each(keys)('%s has a Vietnamese and an English text', (key) => {
    const message = validationMessages[key];
    expect(message?.vi).toMatch(/\S/);
    expect(message?.en).toMatch(/\S/);
  });
});

describe('OpenAPI generation (as the server does it)', () => {
  const inputs = [CreateChildRequest, UpdateChildRequest, ChildListQuery, SaveChildFilterRequest];
  const outputs = [Child, ChildList, ChildStatusChange, DuplicateCandidate, SavedChildFilter];

  it('gives each named schema one JSON Schema across requests and responses', () => {
    const named = new Map<string, string>();
    const conflicts: string[] = [];
    const collect = (schema: z.ZodType, io: 'input' | 'output') => {
      const json = z.toJSONSchema(schema, { io, unrepresentable: 'any', reused: 'inline' }) as {
        $defs?: Record<string, unknown>;
      };
      for (const [name, def] of Object.entries(json.$defs ?? {})) {
        const body = JSON.stringify(def);
        if (named.has(name) && named.get(name) !== body) conflicts.push(`${name} (${io})`);
        named.set(name, body);
      }
    };
    for (const schema of inputs) collect(schema, 'input');
    for (const schema of outputs) collect(schema, 'output');
    expect(conflicts).toEqual([]);
    expect([...named.keys()]).toEqual(
      expect.arrayContaining(['Child', 'CreateChildRequest', 'Sex', 'DateOfBirth']),
    );
  });

  it('documents the request fields of the API contract', () => {
    const document = z.toJSONSchema(CreateChildRequest, { io: 'input', unrepresentable: 'any' }) as {
      $defs: Record<string, { properties: Record<string, unknown>; required: string[] }>;
    };
    const json = document.$defs.CreateChildRequest!;
    expect(json.required.sort()).toEqual(['dateOfBirth', 'fullName', 'sex', 'unitCode']);
    expect(Object.keys(json.properties)).toEqual(
      expect.arrayContaining(['personalId', 'ethnicity', 'specialCircumstances']),
    );
  });
});

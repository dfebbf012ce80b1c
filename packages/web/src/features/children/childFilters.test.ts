import { describe, expect, it } from 'vitest';
import {
  countActiveFilters,
  effectiveSort,
  emptyFilters,
  filtersFromQueryString,
  filtersToApiQuery,
  filtersToQueryString,
} from './childFilters';

describe('the turned-6 filter', () => {
  it('reads, writes and counts turned6=recent, and ignores another value', () => {
    const filters = filtersFromQueryString('q=an&turned6=recent');
    expect(filters).toEqual({ q: 'an', turned6: 'recent', status: 'active' });
    expect(filtersToQueryString(filters)).toBe('q=an&turned6=recent');
    expect(filtersToApiQuery(filters)).toEqual({ q: 'an', turned6: 'recent', status: 'active' });
    expect(countActiveFilters(filters)).toBe(1);
    expect(filtersFromQueryString('turned6=old').turned6).toBeUndefined();
  });
});

describe('filtersFromQueryString', () => {
  it('reads every filter of the list', () => {
    expect(
      filtersFromQueryString(
        '?q=nguyen+van+an&unit=14812&ageFrom=6&ageTo=10&sex=female&group=a,dd&atRisk=dropout_risk' +
          '&schoolStatus=dropped_out&disability=any&status=all&sort=-dateOfBirth',
      ),
    ).toEqual({
      q: 'nguyen van an',
      unit: '14812',
      ageFrom: 6,
      ageTo: 10,
      sex: 'female',
      group: ['a', 'đ'],
      atRisk: ['dropout_risk'],
      schoolStatus: 'dropped_out',
      disability: 'any',
      status: 'all',
      sort: '-dateOfBirth',
    });
  });

  it('defaults to the active children and ignores what it does not understand', () => {
    expect(filtersFromQueryString('')).toEqual(emptyFilters);
    const filters = filtersFromQueryString(
      'unit=abc&ageFrom=-1&ageTo=99&sex=x&group=f,j&atRisk=bogus&status=gone&sort=age&disability=blind',
    );
    expect(filters).toEqual({ status: 'active' });
  });

  it('accepts the letter đ written in any way and orders groups as the law does', () => {
    expect(filtersFromQueryString('group=%C4%91,A,Đ,any').group).toEqual(['any', 'a', 'đ']);
    expect(filtersFromQueryString(new URLSearchParams({ group: 'o, b' })).group).toEqual(['b', 'o']);
  });

  it('puts an inverted age range in order and drops relevance without a search text', () => {
    const filters = filtersFromQueryString('ageFrom=12&ageTo=3&sort=relevance');
    expect(filters.ageFrom).toBe(3);
    expect(filters.ageTo).toBe(12);
    expect(filters.sort).toBeUndefined();
  });

  it('trims the search text and ignores a blank one', () => {
    expect(filtersFromQueryString('q=++Nguyễn+An++').q).toBe('Nguyễn An');
    expect(filtersFromQueryString('q=+++').q).toBeUndefined();
  });
});

describe('filtersToQueryString', () => {
  it('writes a readable, canonical string: fixed order, defaults left out, đ as dd', () => {
    expect(
      filtersToQueryString({
        status: 'active',
        sort: 'name',
        group: ['đ', 'a'],
        q: 'Nguyễn Văn An',
        unit: '14812',
      }),
    ).toBe('q=Nguy%E1%BB%85n+V%C4%83n+An&unit=14812&group=dd,a&sort=name');
    expect(filtersToQueryString(emptyFilters)).toBe('');
    expect(filtersToQueryString({ status: 'all' })).toBe('status=all');
  });

  it('round-trips through the URL', () => {
    const filters = filtersFromQueryString(
      'q=tran+thi+b%2C+c&ageFrom=0&ageTo=5&group=any&atRisk=violence_risk,any&status=moved_away',
    );
    expect(filtersFromQueryString(filtersToQueryString(filters))).toEqual(filters);
    expect(filters.q).toBe('tran thi b, c');
    expect(filters.atRisk).toEqual(['any', 'violence_risk']);
  });

  it('keeps an age of 0', () => {
    expect(filtersToQueryString({ status: 'active', ageFrom: 0 })).toBe('ageFrom=0');
  });
});

describe('filtersToApiQuery', () => {
  it('always sends the status and joins lists with commas', () => {
    expect(filtersToApiQuery({ status: 'active', group: ['a', 'đ'], ageTo: 5 })).toEqual({
      ageTo: '5',
      group: 'a,dd',
      status: 'active',
    });
  });
});

describe('countActiveFilters and effectiveSort', () => {
  it('counts the filters beside the search text and the order', () => {
    expect(countActiveFilters({ status: 'active', q: 'an', sort: 'name' })).toBe(0);
    expect(countActiveFilters({ status: 'all', ageFrom: 3, ageTo: 5, sex: 'male', group: ['a'] })).toBe(4);
  });

  it('orders by relevance when searching, by name otherwise, unless chosen', () => {
    expect(effectiveSort({ status: 'active' })).toBe('name');
    expect(effectiveSort({ status: 'active', q: 'an' })).toBe('relevance');
    expect(effectiveSort({ status: 'active', q: 'an', sort: '-createdAt' })).toBe('-createdAt');
  });
});

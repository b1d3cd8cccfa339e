import { describe, expect, it } from 'vitest';
import { apiFilterOf, emptyListQuery, listQueryFrom, routeQueryOf } from './sender.js';

describe('the list filter lives in the URL', () => {
  it('a state goes to the query and back unchanged', () => {
    const s = { ...emptyListQuery(), from: '2026-11-01', to: '2026-11-26', status: ['DELIVERED', 'VIEWED'] as never, cf: 'RSSMRA85T10A562S', page: 3, sort: 'status' as const, dir: 'asc' as const };
    const q = routeQueryOf(s);
    expect(q).toEqual({ from: '2026-11-01', to: '2026-11-26', status: 'DELIVERED,VIEWED', cf: 'RSSMRA85T10A562S', page: '3', sort: 'status', dir: 'asc' });
    expect(listQueryFrom(q)).toEqual(s);
  });

  it('defaults stay out of the URL; junk in the URL is dropped', () => {
    expect(routeQueryOf(emptyListQuery())).toEqual({});
    expect(listQueryFrom({ from: '26/11/2026', page: '-2', sort: 'drop table', status: 'DELIVERED,<script>' })).toEqual({ ...emptyListQuery(), status: ['DELIVERED'] });
  });

  it('the API filter leaves out empty fields', () => {
    expect(apiFilterOf({ ...emptyListQuery(), iun: '  ', protocol: 'PG/2026' })).toEqual({ protocol: 'PG/2026' });
  });
});

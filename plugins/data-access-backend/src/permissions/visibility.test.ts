import { storeVisibilityOf } from './visibility';

const requester = (...claims: string[]) => ({ requesterIn: claims });
const owner = (...claims: string[]) => ({ productOwnerIn: claims });

describe('storeVisibilityOf', () => {
  it('bounds a rule by its claims', () => {
    expect(storeVisibilityOf(requester('user:a'))).toEqual({
      refs: ['user:a'],
    });
    expect(storeVisibilityOf(owner('group:t'))).toEqual({ refs: ['group:t'] });
  });

  it('admits nothing for a rule without claims', () => {
    expect(storeVisibilityOf(owner())).toBe('nothing');
  });

  it('unites the claims of alternatives (the read rule is then exact)', () => {
    expect(
      storeVisibilityOf({
        anyOf: [requester('user:a'), owner('user:a', 'group:t')],
      }),
    ).toEqual({ refs: ['user:a', 'group:t'] });
    expect(
      storeVisibilityOf({ anyOf: [owner(), requester('user:a')] }),
    ).toEqual({
      refs: ['user:a'],
    });
    expect(storeVisibilityOf({ anyOf: [owner(), requester()] })).toBe(
      'nothing',
    );
  });

  it('cannot bound a negation, so leaves it to the row check', () => {
    expect(storeVisibilityOf({ not: requester('user:a') })).toEqual({
      all: true,
    });
    expect(
      storeVisibilityOf({
        anyOf: [{ not: requester('user:a') }, owner('group:t')],
      }),
    ).toEqual({ all: true });
  });

  it('bounds a conjunction by its narrowest term', () => {
    expect(
      storeVisibilityOf({
        allOf: [owner('user:a', 'group:t'), { not: requester('user:a') }],
      }),
    ).toEqual({ refs: ['user:a', 'group:t'] });
    expect(
      storeVisibilityOf({
        allOf: [owner('group:t', 'group:u'), requester('user:a')],
      }),
    ).toEqual({ refs: ['user:a'] });
    expect(storeVisibilityOf({ allOf: [owner(), requester('user:a')] })).toBe(
      'nothing',
    );
  });
});

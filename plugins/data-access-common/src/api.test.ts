import {
  createAccessRequestSchema,
  decideAccessRequestSchema,
  listAccessRequestsQuerySchema,
} from './api';

const fieldsOf = (result: { success: boolean; error?: { issues: any[] } }) =>
  (result.error?.issues ?? []).map(issue => issue.path.join('.'));

describe('the API schemas', () => {
  const valid = {
    dataProduct: 'dataproduct:default/entity-ratings',
    outputPort: 'current-ratings',
    purpose: {
      category: 'analytics',
      text: 'Credit risk of our tenants for the board.',
    },
  };

  it('accepts a complete request and names each bad field', () => {
    expect(createAccessRequestSchema.safeParse(valid).success).toBe(true);
    expect(
      fieldsOf(
        createAccessRequestSchema.safeParse({
          ...valid,
          dataProduct: 'entity-ratings',
          purpose: { category: 'analytics', text: 'short' },
          endDate: '31/12/2027',
        }),
      ),
    ).toEqual(['dataProduct', 'purpose.text', 'endDate']);
    expect(
      fieldsOf(
        createAccessRequestSchema.safeParse({
          ...valid,
          requester: 'user:x/y',
        }),
      ),
    ).toEqual(['']);
  });

  it('requires a reason to reject, and the version the decider saw', () => {
    expect(
      decideAccessRequestSchema.safeParse({ decision: 'approve', version: 1 })
        .success,
    ).toBe(true);
    expect(
      fieldsOf(
        decideAccessRequestSchema.safeParse({ decision: 'reject', version: 1 }),
      ),
    ).toEqual(['reason']);
    expect(
      fieldsOf(decideAccessRequestSchema.safeParse({ decision: 'approve' })),
    ).toEqual(['version']);
  });

  it('reads list filters from a query string', () => {
    expect(
      listAccessRequestsQuerySchema.parse({
        view: 'to-decide',
        state: 'submitted,approved',
        limit: '20',
      }),
    ).toEqual({
      view: 'to-decide',
      state: ['submitted', 'approved'],
      limit: 20,
    });
    const unknownState = listAccessRequestsQuerySchema.safeParse({
      state: 'pending',
    });
    expect(unknownState.success).toBe(false);
    expect(fieldsOf(unknownState)[0]).toMatch(/^state/);
  });
});

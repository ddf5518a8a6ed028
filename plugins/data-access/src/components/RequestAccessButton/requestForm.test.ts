import { validateRequestForm, type RequestFormValues } from './requestForm';

const now = new Date('2026-05-10T12:00:00.000Z');
const product = 'dataproduct:default/tenancy-analytics';
const valid: RequestFormValues = {
  outputPort: 'leases-view',
  purposeCategory: 'analytics',
  purposeText: '  Credit risk dashboard  ',
  endDate: '',
  consumer: '',
};

describe('validateRequestForm', () => {
  it('builds the API body, trimmed, without empty optional fields', () => {
    expect(validateRequestForm(product, valid, now)).toEqual({
      ok: true,
      body: {
        dataProduct: product,
        outputPort: 'leases-view',
        purpose: { category: 'analytics', text: 'Credit risk dashboard' },
      },
    });
  });

  it('keeps the consumer and the end date when given', () => {
    const result = validateRequestForm(
      product,
      {
        ...valid,
        consumer: 'group:default/capital-markets',
        endDate: '2026-05-11',
      },
      now,
    );
    expect(result).toEqual({
      ok: true,
      body: expect.objectContaining({
        consumer: 'group:default/capital-markets',
        endDate: '2026-05-11',
      }),
    });
  });

  it('names each wrong field with the shared schema message', () => {
    expect(
      validateRequestForm(
        product,
        {
          outputPort: '',
          purposeCategory: ' ',
          purposeText: 'short',
          endDate: '31/03/2027',
          consumer: 'not a ref',
        },
        now,
      ),
    ).toEqual({
      ok: false,
      general: undefined,
      errors: {
        outputPort: 'Expected the name of an output port',
        'purpose.category': 'Expected a purpose category',
        'purpose.text':
          'Expected the purpose in a sentence (10 characters or more)',
        endDate: 'Expected a date such as 2027-03-31',
        consumer:
          'Expected an entity ref such as dataproduct:default/tenancy-analytics',
      },
    });
  });

  it('refuses an end date of today or before', () => {
    const today = validateRequestForm(
      product,
      { ...valid, endDate: '2026-05-10' },
      now,
    );
    expect(today).toEqual({
      ok: false,
      general: undefined,
      errors: { endDate: 'Expected a day after today' },
    });
  });

  it('reports a product ref the schema refuses as a general problem', () => {
    const result = validateRequestForm('tenancy analytics', valid, now);
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.general).toMatch(/^dataProduct: /);
  });
});

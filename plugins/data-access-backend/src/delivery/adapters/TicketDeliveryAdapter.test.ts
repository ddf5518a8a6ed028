import { ConfigReader } from '@backstage/config';
import type { AccessRequest } from '@datamesh/plugin-data-access-common';
import { FakeTicketSystems } from '../__testUtils__/fakeTicketSystems';
import { createTicketAdapter } from './TicketDeliveryAdapter';

const request: AccessRequest = {
  id: 'req-1',
  requester: 'user:default/jane',
  dataProduct: 'dataproduct:default/entity-ratings',
  outputPort: 'ratings-table',
  consumer: 'component:default/credit-risk-dashboard',
  purpose: { category: 'regulatory', text: 'Counterparty credit risk report' },
  endDate: '2027-03-31',
  productOwners: ['group:default/brokerage-data'],
  state: 'provisioning',
  version: 3,
  createdAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-02T10:00:00.000Z',
  decision: { by: 'user:default/olivia', at: '2026-11-02T09:00:00.000Z' },
};

describe('TicketDeliveryAdapter', () => {
  const fake = new FakeTicketSystems();

  beforeAll(() => fake.start());
  afterAll(() => fake.stop());
  beforeEach(() => fake.reset());

  function adapterFor(ticket: Record<string, unknown>) {
    return createTicketAdapter(
      new ConfigReader({
        dataAccess: {
          delivery: { ticket: { baseUrl: fake.baseUrl, ...ticket } },
        },
      }),
    );
  }

  describe('ServiceNow', () => {
    const servicenow = () =>
      adapterFor({
        system: 'servicenow',
        auth: { type: 'basic', username: 'svc-backstage', password: 'pw' },
        servicenow: { fields: { assignment_group: 'Data Platform' } },
      });

    it('opens a record and answers pending with its number', async () => {
      const outcome = await servicenow().deliver(
        request,
        'grant',
        'delivery-1',
      );

      expect(outcome).toEqual({
        status: 'pending',
        reference: 'REQ001001',
        externalStatus: 'Open',
      });
      const ticket = fake.tickets.get('REQ001001')!;
      expect(ticket.fields).toMatchObject({
        correlation_id: 'delivery-1',
        assignment_group: 'Data Platform',
        short_description:
          'Grant access to dataproduct:default/entity-ratings (ratings-table) for component:default/credit-risk-dashboard',
      });
      expect(ticket.fields.description).toContain('Until: 2027-03-31');
      expect(fake.requests.map(r => r.authorization)).toEqual([
        `Basic ${Buffer.from('svc-backstage:pw').toString('base64')}`,
        `Basic ${Buffer.from('svc-backstage:pw').toString('base64')}`,
      ]);
    });

    it.each([
      ['Open', 'pending'],
      ['Work in Progress', 'pending'],
      ['Closed Complete', 'done'],
      ['Resolved', 'done'],
      ['Closed Incomplete', 'failed'],
      ['Closed Rejected', 'failed'],
      ['Canceled', 'failed'],
    ])('polls: %s is %s', async (status, expected) => {
      const adapter = servicenow();
      const first = await adapter.deliver(request, 'grant', 'delivery-1');
      fake.setStatus(first.reference!, status);

      const polled = await adapter.poll(request, 'grant', first.reference!);

      expect(polled.status).toBe(expected);
      expect(polled.reference).toBe(first.reference);
    });

    it('a retry finds the record the first attempt opened instead of opening another', async () => {
      const adapter = servicenow();
      await adapter.deliver(request, 'grant', 'delivery-1');

      const again = await adapter.deliver(request, 'grant', 'delivery-1');

      expect(again).toMatchObject({
        status: 'pending',
        reference: 'REQ001001',
      });
      expect(fake.tickets.size).toBe(1);
    });

    it('throws to be retried when ServiceNow is down or refuses the credentials', async () => {
      fake.failNext.push(503);
      await expect(
        servicenow().deliver(request, 'grant', 'delivery-1'),
      ).rejects.toThrow('ServiceNow answered HTTP 503');

      fake.failNext.push(0, 401); // the search answers, the creation does not
      await expect(
        servicenow().deliver(request, 'grant', 'delivery-1'),
      ).rejects.toThrow('ServiceNow answered HTTP 401');
      expect(fake.tickets.size).toBe(0);
    });

    it('a record that no longer exists fails the delivery', async () => {
      await expect(
        servicenow().poll(request, 'grant', 'REQ999'),
      ).resolves.toMatchObject({
        status: 'failed',
        reason: expect.stringMatching(/no longer exists/),
      });
    });
  });

  describe('Jira', () => {
    const jira = (jiraConfig: Record<string, unknown> = {}) =>
      adapterFor({
        system: 'jira',
        auth: { type: 'bearer', token: 'pat-123' },
        jira: { projectKey: 'DATA', ...jiraConfig },
      });

    it('opens an issue labelled with the delivery id and answers pending', async () => {
      const outcome = await jira().deliver(request, 'revoke', 'delivery-9');

      expect(outcome).toEqual({
        status: 'pending',
        reference: 'DATA-1',
        externalStatus: 'Created',
      });
      expect(fake.tickets.get('DATA-1')!.fields).toMatchObject({
        issuetype: { name: 'Task' },
        labels: ['datamesh-access', 'datamesh-delivery-delivery-9'],
        summary: expect.stringMatching(/^Revoke access to /),
      });
      expect(fake.requests.map(r => [r.method, r.path])).toEqual([
        ['GET', '/rest/api/2/search/jql'],
        ['POST', '/rest/api/2/issue'],
      ]);
      expect(fake.requests[0].authorization).toBe('Bearer pat-123');
    });

    it('searches where Data Center searches', async () => {
      await jira({ deployment: 'datacenter' }).deliver(request, 'grant', 'd');

      expect(fake.requests[0].path).toBe('/rest/api/2/search');
    });

    it.each([
      [{ status: 'In Progress' }, 'pending'],
      [{ status: 'Done', statusCategory: 'done' }, 'done'],
      [{ status: 'Provisioned', statusCategory: 'done' }, 'done'],
      [{ status: 'Closed', resolution: 'Done' }, 'done'],
      [
        { status: 'Closed', resolution: "Won't Do", statusCategory: 'done' },
        'failed',
      ],
      [{ status: 'Rejected', statusCategory: 'done' }, 'failed'],
    ])('polls: %o is %s', async (ticket, expected) => {
      const adapter = jira();
      const first = await adapter.deliver(request, 'grant', 'delivery-1');
      const { status, ...extra } = ticket;
      fake.setStatus(first.reference!, status, extra);

      await expect(
        adapter.poll(request, 'grant', first.reference!),
      ).resolves.toMatchObject({ status: expected, reference: 'DATA-1' });
    });

    it('a retry finds the issue the first attempt opened', async () => {
      const adapter = jira();
      await adapter.deliver(request, 'grant', 'delivery-1');
      fake.setStatus('DATA-1', 'Done', { statusCategory: 'done' });

      await expect(
        adapter.deliver(request, 'grant', 'delivery-1'),
      ).resolves.toMatchObject({ status: 'done', reference: 'DATA-1' });
      expect(fake.tickets.size).toBe(1);
    });

    it('an issue Jira refuses (400) fails the delivery with its reason', async () => {
      const outcome = await jira({ projectKey: 'NOPE' }).deliver(
        request,
        'grant',
        'd',
      );

      expect(outcome).toMatchObject({
        status: 'failed',
        reason: expect.stringMatching(
          /Jira refused the ticket with HTTP 400.*valid project/,
        ),
      });
    });

    it('a deleted issue fails the delivery', async () => {
      await expect(
        jira().poll(request, 'grant', 'DATA-404'),
      ).resolves.toMatchObject({
        status: 'failed',
      });
    });
  });

  it('uses the configured status words instead of the defaults', async () => {
    const adapter = adapterFor({
      system: 'jira',
      auth: { type: 'bearer', token: 't' },
      jira: { projectKey: 'DATA' },
      doneStatuses: ['Access Granted'],
      failedStatuses: ['Access Denied'],
    });
    const first = await adapter.deliver(request, 'grant', 'd');

    fake.setStatus('DATA-1', 'Done');
    expect(
      (await adapter.poll(request, 'grant', first.reference!)).status,
    ).toBe('pending');
    fake.setStatus('DATA-1', 'access granted');
    expect(
      (await adapter.poll(request, 'grant', first.reference!)).status,
    ).toBe('done');
  });

  it('refuses config it does not understand', () => {
    expect(() =>
      adapterFor({ system: 'remedy', auth: { type: 'bearer', token: 't' } }),
    ).toThrow(/servicenow or jira/);
    expect(() =>
      adapterFor({
        system: 'jira',
        auth: { type: 'oauth' },
        jira: { projectKey: 'X' },
      }),
    ).toThrow(/basic or bearer/);
  });
});

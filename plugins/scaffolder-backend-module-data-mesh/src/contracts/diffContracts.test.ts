import { formatChange } from './changes';
import { ContractObject, diffContracts } from './diffContracts';
import { diffProducts } from './diffProducts';
import { allowsBreakingChanges, parseVersion } from './semver';

const leases = (properties: ContractObject['properties']): ContractObject[] => [
  { name: 'leases', properties },
];

const describe_ = (changes: ReturnType<typeof diffContracts>) =>
  changes.map(c => `${c.breaking ? 'BREAKING' : 'ok'} ${formatChange(c)}`);

describe('diffContracts', () => {
  const before = leases([
    { name: 'lease_id', logicalType: 'string', required: true, unique: true },
    { name: 'rent', logicalType: 'number', physicalType: 'decimal(12,2)' },
    { name: 'signed_on', logicalType: 'date' },
    { name: 'tenant', logicalType: 'string', physicalType: 'varchar(40)' },
  ]);

  it('finds nothing when nothing changed', () => {
    expect(diffContracts(before, before)).toEqual([]);
  });

  it('calls removed and renamed properties, narrowed types and weaker guarantees breaking', () => {
    const after = leases([
      {
        name: 'lease_ref',
        logicalType: 'string',
        required: true,
        unique: true,
      },
      { name: 'rent', logicalType: 'integer', physicalType: 'decimal(10,2)' },
      { name: 'signed_on', logicalType: 'timestamp' },
    ]);
    expect(describe_(diffContracts(before, after))).toEqual([
      'BREAKING schema[leases].properties[lease_id]: renamed to lease_ref: consumers that read lease_id break',
      'BREAKING schema[leases].properties[rent]: type narrowed from number to integer: some values consumers read no longer fit',
      'BREAKING schema[leases].properties[rent]: physical type narrowed from decimal(12,2) to decimal(10,2)',
      'ok schema[leases].properties[signed_on]: type widened from date to timestamp',
      'BREAKING schema[leases].properties[tenant]: removed: consumers that read it break',
    ]);
  });

  it('calls additions, widened types and stronger guarantees non-breaking', () => {
    const after = leases([
      { name: 'lease_id', logicalType: 'string', required: true, unique: true },
      { name: 'rent', logicalType: 'string', physicalType: 'decimal(14,2)' },
      { name: 'signed_on', logicalType: 'date', required: true },
      { name: 'tenant', logicalType: 'string', physicalType: 'varchar(80)' },
      { name: 'floor', logicalType: 'integer', required: true },
    ]);
    expect(describe_(diffContracts(before, after))).toEqual([
      'ok schema[leases].properties[rent]: type widened from number to string',
      'ok schema[leases].properties[rent]: physical type changed from decimal(12,2) to decimal(14,2)',
      'ok schema[leases].properties[signed_on]: now required',
      'ok schema[leases].properties[tenant]: physical type changed from varchar(40) to varchar(80)',
      'ok schema[leases].properties[floor]: added (required)',
    ]);
  });

  it('calls a property that may now be null or repeat breaking', () => {
    const after = leases([
      { name: 'lease_id', logicalType: 'string' },
      ...before[0].properties.slice(1),
    ]);
    expect(describe_(diffContracts(before, after))).toEqual([
      'BREAKING schema[leases].properties[lease_id]: no longer required: consumers may now read nulls',
      'BREAKING schema[leases].properties[lease_id]: no longer unique',
    ]);
  });

  it('compares classifications, taking the product’s for properties that state none', () => {
    const after = leases([
      { ...before[0].properties[0], classification: 'restricted' },
      { ...before[0].properties[1], classification: 'public' },
      ...before[0].properties.slice(2),
    ]);
    expect(
      describe_(
        diffContracts(before, after, { before: 'internal', after: 'internal' }),
      ),
    ).toEqual([
      'BREAKING schema[leases].properties[lease_id]: classification tightened from internal to restricted',
      'ok schema[leases].properties[rent]: classification loosened from internal to public',
    ]);
  });

  it('compares nested properties and whole objects', () => {
    const nested = (inner: string): ContractObject[] => [
      {
        name: 'tenants',
        properties: [
          {
            name: 'address',
            logicalType: 'object',
            properties: [{ name: inner, logicalType: 'string' }],
          },
        ],
      },
    ];
    expect(
      describe_(diffContracts([...nested('city'), ...before], nested('town'))),
    ).toEqual([
      'BREAKING schema[tenants].properties[address].properties[city]: renamed to town: consumers that read city break',
      'BREAKING schema[leases]: removed: consumers that read it break',
    ]);
    expect(describe_(diffContracts([], before))).toEqual([
      'ok schema[leases]: added',
    ]);
  });
});

describe('diffProducts', () => {
  const port = {
    name: 'current-ratings',
    type: 'sql-view' as const,
    address: 'w.s.v',
    contractId: 'c',
  };

  it('calls dropped and moved ports and a tighter classification breaking', () => {
    const changes = diffProducts(
      {
        classification: 'internal',
        outputPorts: [port, { ...port, name: 'history' }],
      },
      {
        classification: 'confidential',
        outputPorts: [
          { ...port, address: 'w.s.v2' },
          { ...port, name: 'new-port' },
        ],
        inputPorts: [{ name: 'tenancy-analytics' }],
      },
    );
    expect(describe_(changes)).toEqual([
      'BREAKING classification: classification tightened from internal to confidential',
      'BREAKING outputPorts[current-ratings]: address changed from w.s.v to w.s.v2: consumers that read it break',
      'BREAKING outputPorts[history]: port dropped: consumers that read it break',
      'ok outputPorts[new-port]: port added',
      'ok inputPorts[tenancy-analytics]: input added',
    ]);
  });
});

describe('semver', () => {
  it('allows breaking changes on a major bump, or a minor one below 1.0.0', () => {
    const allows = (a: string, b: string) =>
      allowsBreakingChanges(parseVersion(a)!, parseVersion(b)!);
    expect(allows('1.3.0', '2.0.0')).toBe(true);
    expect(allows('1.3.0', '1.4.0')).toBe(false);
    expect(allows('0.3.0', '0.4.0')).toBe(true);
    expect(allows('0.3.0', '0.3.1')).toBe(false);
    expect(parseVersion('v3.1.0')).toEqual([3, 1, 0]);
    expect(parseVersion('next')).toBeUndefined();
  });
});

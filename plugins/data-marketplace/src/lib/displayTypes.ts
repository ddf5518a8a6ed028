/** A quality rule and what it applies to (the product, a contract, a table, a column). */
export type LocatedQualityRule = {
  where: string;
  rule: Record<string, unknown>;
};

/** One service level, from the product's SLA or a contract's. */
export type ServiceLevelRow = {
  property: string;
  value: unknown;
  unit?: string;
  /** What it applies to, or a description. */
  note?: string;
};

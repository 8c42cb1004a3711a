// The kinds of data-quality rule a person can write (/quality): allow-listed templates, a
// predicate, or a read-only query. The checks (lakehouse/models/checks.ts) compile each kind.
export const RULE_KINDS = ['not_null', 'unique', 'range', 'allowed', 'completeness', 'refint', 'freshness', 'schema', 'predicate', 'query'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

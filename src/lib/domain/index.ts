/** The shared, pure domain: money, ledger rules, payment methods, ordering rules, wire schemas. */
export * from './result';
export * from './money';
export * from './payment-methods';
export * from './operations';
export * from './balances';
export * from './settings';
export * from './ordering';
export * from './orders';
export * from './duplicates';
export * from './schemas';

// Arrow vectors built without eval. apache-arrow's vectorFromArray compiles its null check with
// new Function(), which the app's Content-Security-Policy (no 'unsafe-eval') refuses in the
// browser; this builds the same vector with the null check as a plain function.
import { makeBuilder, type DataType, type Vector } from 'apache-arrow';

export function vectorWithoutEval<T extends DataType>(values: readonly unknown[], type: T): Vector<T> {
  const builder = makeBuilder({ type, nullValues: [] }); // [] = no generated function
  builder.isValid = (value: unknown) => value !== null && value !== undefined;
  for (const value of values) builder.append(value as never);
  return builder.finish().toVector();
}

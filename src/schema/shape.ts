/**
 * A small schema language: the single definition from which both the loader's
 * structural checks (read/check-shape.ts) and the published JSON Schema
 * (schema/to-json-schema.ts) are derived.
 */
export type Shape = StringShape | IntegerShape | BooleanShape | ArrayShape | ObjectShape | AnyOfShape;

interface Described {
  description?: string;
}
export interface StringShape extends Described {
  type: 'string';
  enum?: readonly string[];
  /** A YYYY-MM-DD calendar date. */
  date?: boolean;
  /** Field holds a number as written in the notice ("1", "1.10"); a YAML number is a mistake. */
  numberLike?: boolean;
}
export interface IntegerShape extends Described {
  type: 'integer';
  minimum?: number;
  maximum?: number;
}
export interface BooleanShape extends Described {
  type: 'boolean';
}
export interface ArrayShape extends Described {
  type: 'array';
  items: Shape;
}
export interface ObjectShape extends Described {
  type: 'object';
  properties: Readonly<Record<string, Shape>>;
  required?: readonly string[];
  /** Shape of values under arbitrary keys (a map), instead of fixed properties. */
  values?: Shape;
}
/** One of several shapes, told apart by their JSON type (string vs object). */
export interface AnyOfShape extends Described {
  type: 'anyOf';
  options: readonly Shape[];
}

import type { Shape } from './shape.js';

type JsonSchema = Record<string, unknown>;

function allowNull(schema: JsonSchema): JsonSchema {
  if (Array.isArray(schema.anyOf)) return { ...schema, anyOf: [...schema.anyOf, { type: 'null' }] };
  return { ...schema, type: [schema.type, 'null'] };
}

/** Converts a shape into JSON Schema (draft 2020-12) for editors' YAML language server. */
export function shapeToJsonSchema(shape: Shape): JsonSchema {
  const described = shape.description === undefined ? {} : { description: shape.description };
  switch (shape.type) {
    case 'string':
      return {
        type: 'string',
        ...described,
        ...(shape.enum ? { enum: [...shape.enum] } : {}),
        ...(shape.date ? { pattern: '^\\d{4}-\\d{2}-\\d{2}$', format: 'date' } : {}),
      };
    case 'integer':
      return { type: 'integer', ...described, minimum: shape.minimum, maximum: shape.maximum };
    case 'boolean':
      return { type: 'boolean', ...described };
    case 'array':
      return { type: 'array', ...described, items: shapeToJsonSchema(shape.items) };
    case 'object': {
      // The loader treats an empty optional field (`done_on:`) as absent; so does the schema.
      const properties = Object.fromEntries(
        Object.entries(shape.properties).map(([k, v]) => [k, shape.required?.includes(k) ? shapeToJsonSchema(v) : allowNull(shapeToJsonSchema(v))]),
      );
      return {
        type: 'object',
        ...described,
        properties,
        ...(shape.required?.length ? { required: [...shape.required] } : {}),
        additionalProperties: shape.values ? shapeToJsonSchema(shape.values) : false,
      };
    }
    case 'anyOf':
      return { ...described, anyOf: shape.options.map(shapeToJsonSchema) };
  }
}

/** The published schema document for a root shape. */
export function schemaDocument(shape: Shape, id: string, title: string): JsonSchema {
  return { $schema: 'https://json-schema.org/draft/2020-12/schema', $id: id, title, ...shapeToJsonSchema(shape) };
}

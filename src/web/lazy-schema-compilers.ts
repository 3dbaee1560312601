import { createRequire } from 'node:module';
import type { FastifyServerOptions } from 'fastify';

const require = createRequire(import.meta.url);

type Compile = (route: unknown) => (...args: unknown[]) => unknown;
type BuildCompiler = (externalSchemas: unknown, options: unknown) => Compile;

/**
 * Fastify's own compilers (Ajv for validation, fast-json-stringify for responses), but each route's
 * schema is compiled the first time a request needs it instead of at start-up: compiling every
 * route's schemas took about a third of a restart, for routes most processes never serve.
 * Behaviour is otherwise Fastify's default (same Ajv options, same error objects).
 */
type CompilersFactory = NonNullable<FastifyServerOptions['schemaController']>['compilersFactory'];

export function lazySchemaCompilers(): CompilersFactory {
  const ajvCompiler = require('@fastify/ajv-compiler') as () => BuildCompiler;
  const serializerCompiler =
    require('@fastify/fast-json-stringify-compiler') as () => BuildCompiler;
  // Fastify's types describe Ajv's own function objects; the deferred ones behave the same.
  return {
    buildValidator: deferEach(ajvCompiler()),
    buildSerializer: deferEach(serializerCompiler()),
  } as unknown as CompilersFactory;
}

function deferEach(buildCompiler: BuildCompiler): BuildCompiler {
  return (externalSchemas, options) => {
    const compile = buildCompiler(externalSchemas, options);
    return (route) => {
      let compiled: ((...args: unknown[]) => unknown) & { errors?: unknown };
      const deferred = Object.assign(
        (...args: unknown[]) => {
          compiled ??= compile(route);
          const result = compiled(...args);
          deferred.errors = compiled.errors;
          return result;
        },
        // Fastify passes the request as the parent of an Ajv validator's input, so that Ajv can
        // coerce a whole query or body object; it recognises an Ajv function by this property.
        { errors: undefined as unknown, schemaEnv: true },
      );
      return deferred;
    };
  };
}

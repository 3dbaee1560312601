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
  // Fastify's types describe Ajv's own function objects; the deferred ones behave the same.
  return {
    buildValidator: deferEach(
      once(() => (require('@fastify/ajv-compiler') as () => BuildCompiler)()),
      // TypeBox writes the schemas: checking each against JSON Schema's meta-schema would first
      // compile the meta-schema, a restart's first request's slowest step (~30 ms of ~40).
      (options) => ({
        ...options,
        customOptions: { ...options?.customOptions, validateSchema: false },
      }),
    ),
    buildSerializer: deferEach(
      once(() => (require('@fastify/fast-json-stringify-compiler') as () => BuildCompiler)()),
    ),
  } as unknown as CompilersFactory;
}

// One compiler factory per app, as Fastify's default: it pools Ajv instances across plugins.
function once<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}

type CompilerOptions = { customOptions?: Record<string, unknown> } | undefined;

function deferEach(
  load: () => BuildCompiler,
  adjust: (options: CompilerOptions) => CompilerOptions = (options) => options,
): BuildCompiler {
  return (externalSchemas, options) => {
    // The compiler itself (its module, an Ajv instance with its meta-schemas and formats) is
    // loaded when the first schema is needed, too: a process serving only schema-less routes
    // (the content origin, mostly) never pays for it.
    let compile: Compile | undefined;
    return (route) => {
      let compiled: ((...args: unknown[]) => unknown) & { errors?: unknown };
      const deferred = Object.assign(
        (...args: unknown[]) => {
          compiled ??= (compile ??= load()(externalSchemas, adjust(options as CompilerOptions)))(
            route,
          );
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

// The baseline: a minimal Fastify + pg + Eta handler (the TechEmpower "fortunes" shape): one
// indexed query, one small template. Run in the same way as Lantern, so the ratio means something.
import Fastify from 'fastify';
import { Eta } from 'eta';
import pg from 'pg';

const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
  options: '-c jit=off',
});
const eta = new Eta({ autoEscape: true, cache: true });
const template = eta.compile(
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fortune</title></head><body><h1><%= it.title %></h1><table><tr><th>id</th><th>name</th></tr><% for (const row of it.rows) { %><tr><td><%= row.id %></td><td><%= row.name %></td></tr><% } %></table></body></html>`,
);
const app = Fastify({ logger: false });
app.get('/fortune/:id', async (request, reply) => {
  const { rows } = await pool.query('select id, name from users where id = $1', [
    Number(request.params.id),
  ]);
  reply.type('text/html; charset=utf-8');
  return eta.render(template, { title: 'Fortune', rows });
});
await app.listen({ port: Number(process.env.PORT ?? 3299), host: '127.0.0.1' });
process.on(
  'SIGTERM',
  () =>
    void app
      .close()
      .then(() => pool.end())
      .then(() => process.exit(0)),
);

// A bare Fastify hello-world, the baseline the app's request figures are compared with. Run as its own process.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/', async () => ({ hello: 'world' }));

await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
console.log(`hello-world listening on http://127.0.0.1:${process.env.PORT}`);
process.once('SIGTERM', () => {
  void app.close().then(() => process.exit(0));
});

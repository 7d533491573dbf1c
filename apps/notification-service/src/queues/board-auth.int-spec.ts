import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { JwtVerifier } from '@jiebang/service-kit';
import { mintToken, principals } from '@jiebang/testing';
import express from 'express';
import { loadConfig } from '../config';
import { boardAuth } from './board-auth';
import { BOARD_PATH, secureCookies } from './bull-board';

/** The dashboard's cookie as a production deployment sets it (over a real socket; the service itself runs as `test`). */
describe('queue dashboard cookie', () => {
  let server: Server;
  let url: string;

  beforeAll(async () => {
    const app = express();
    app.use(BOARD_PATH, boardAuth(JwtVerifier.fromConfig(loadConfig()), BOARD_PATH, secureCookies('production')), (_req, res) => {
      res.send('<html>board</html>');
    });
    server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${BOARD_PATH}`;
  });

  afterAll(async () => {
    await new Promise((r) => server?.close(r));
  });

  it('is Secure, HttpOnly and SameSite=Strict outside development and tests', async () => {
    expect([secureCookies('production'), secureCookies('development'), secureCookies('test')]).toEqual([true, false, false]);
    const res = await fetch(`${url}?access_token=${await mintToken(principals.bureau)}`);
    expect(res.status).toBe(200);
    const attributes = (res.headers.get('set-cookie') ?? '').split(';').map((a) => a.trim().toLowerCase());
    expect(attributes).toEqual(expect.arrayContaining(['secure', 'httponly', 'samesite=strict', `path=${BOARD_PATH}`]));
  });
});

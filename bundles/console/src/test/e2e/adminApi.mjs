// A signed-in API client for the browser tests that create what they need through the REST API (a fresh CI server
// has no groups, devices or events of its own).
import assert from 'node:assert/strict';
import { adminLogin, adminPassword, baseUrl, request } from './browser.mjs';

/** Runs `steps(api)` with `api.get/post/put/patch/delete(path, body?)` below /api/v1, signed in as the admin. */
export async function withAdminApi(steps) {
  const context = await request.newContext({ ignoreHTTPSErrors: true });
  try {
    const signIn = await context.post(`${baseUrl}/api/v1/session`, { data: { login: adminLogin, password: adminPassword } });
    assert.equal(signIn.status(), 201, `the admin can sign in: ${await signIn.text()}`);
    const headers = { 'X-CSRF-Token': (await signIn.json()).csrfToken };
    const call = (method) => async (path, data) => {
      const response = await context.fetch(`${baseUrl}/api/v1${path}`, { method, headers, ...(data !== undefined ? { data } : {}) });
      const text = await response.text();
      return { status: response.status(), body: text ? JSON.parse(text) : undefined };
    };
    const api = { get: call('GET'), post: call('POST'), put: call('PUT'), patch: call('PATCH'), delete: call('DELETE') };
    try {
      return await steps(api);
    } finally {
      await context.delete(`${baseUrl}/api/v1/session`, { headers });
    }
  } finally {
    await context.dispose();
  }
}

export const managedDevicesGroupId = '00000000-0000-0000-0000-000000000001';

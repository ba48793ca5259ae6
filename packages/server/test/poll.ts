/** Polls `read` every 100 ms until it returns something other than null or undefined; fails after `timeoutMs`. */
export async function until<T>(read: () => Promise<T | null | undefined>, timeoutMs = 5_000): Promise<T> {
  for (let waited = 0; waited < timeoutMs; waited += 100) {
    const value = await read();
    if (value !== null && value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('timed out waiting');
}

import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { forgetSignedInData, sessionQueryKey } from './queryClient';

/** A client holding a session and a child, with an observer on the session as the AuthGate has. */
function signedIn() {
  const client = new QueryClient();
  client.setQueryData(sessionQueryKey, { user: 'bimson.canbo' });
  client.setQueryData(['children', 'detail', '1'], { fullName: 'Lưu Thị Hồng Nhung' });
  const observer = new QueryObserver(client, { queryKey: sessionQueryKey, staleTime: Infinity });
  const seen: unknown[] = [];
  const unsubscribe = observer.subscribe((result) => seen.push(result.data));
  return { client, observer, seen, unsubscribe };
}

describe('forgetSignedInData', () => {
  it('tells the session observer at once that nobody is signed in, and drops the rest', async () => {
    const { client, observer, seen, unsubscribe } = signedIn();
    forgetSignedInData(client);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(seen.at(-1)).toBeNull();
    expect(observer.getCurrentResult().data).toBeNull();
    expect(client.getQueryData(['children', 'detail', '1'])).toBeUndefined();
    unsubscribe();
  });
});

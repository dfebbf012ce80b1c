import {
  ChangePasswordRequest,
  LoginRequest,
  MfaConfirmRequest,
  MfaDisableRequest,
  MfaEnrolment,
  MfaVerifyRequest,
  Ok,
  RecoveryCodes,
  SessionInfo,
} from '@tuoitho/domain';
import type { FastifyReply } from 'fastify';
import { SESSION_COOKIE } from '../../platform/auth/sessions';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/http/errors';
import { actorOf, defineRoute } from '../../platform/http/route';
import { AuthService } from './auth.service';

const tags = ['Đăng nhập / Authentication'];

export function authRoutes(ctx: AppContext) {
  const auth = new AuthService(ctx);
  const setCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: ctx.config.isProduction,
      path: '/',
      maxAge: Math.floor(ctx.config.sessionAbsoluteMs / 1000),
    });
  const clearCookie = (reply: FastifyReply) => reply.clearCookie(SESSION_COOKIE, { path: '/' });

  return [
    defineRoute({
      method: 'POST',
      url: '/api/v1/auth/login',
      tags,
      summary: 'Đăng nhập bằng tên đăng nhập và mật khẩu / sign in',
      description:
        'Đặt cookie phiên `tt_session` (httpOnly, SameSite=Strict) và trả về `csrfToken`. Sai 5 lần liên tiếp: ' +
        'tài khoản bị khóa 15 phút (429). Giới hạn số lần gọi theo địa chỉ IP (429).',
      access: { public: true },
      rateLimit: { max: ctx.config.loginRateLimitPerMinute, timeWindowMs: 60_000 },
      body: LoginRequest,
      response: SessionInfo,
      handler: async ({ body, meta, reply }) => {
        const { token, info } = await auth.login(body.username, body.password, meta);
        setCookie(reply, token);
        return info;
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/auth/mfa/verify',
      tags,
      summary: 'Bước 2 của đăng nhập: mã TOTP hoặc mã khôi phục / second sign-in step',
      access: { session: true },
      rateLimit: { max: ctx.config.loginRateLimitPerMinute, timeWindowMs: 60_000 },
      body: MfaVerifyRequest,
      response: SessionInfo,
      handler: async (c) => {
        const { token, info } = await auth.verifyMfa(actorOf(c), c.body.code, c.meta);
        setCookie(c.reply, token);
        return info;
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/auth/session',
      tags,
      summary: 'Phiên hiện tại, người dùng, quyền và mã CSRF / the current session',
      access: { session: true },
      response: SessionInfo,
      handler: async (c) => auth.sessionInfo(actorOf(c)),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/auth/logout',
      tags,
      summary: 'Đăng xuất / sign out',
      access: { session: true },
      idempotent: false,
      response: Ok,
      handler: async (c) => {
        await auth.logout(actorOf(c), c.meta);
        clearCookie(c.reply);
        return { ok: true as const };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/auth/logout-all',
      tags,
      summary: 'Đăng xuất khỏi mọi thiết bị / sign out everywhere',
      access: { session: true },
      idempotent: false,
      response: Ok,
      handler: async (c) => {
        await auth.logoutEverywhere(actorOf(c), c.meta);
        clearCookie(c.reply);
        return { ok: true as const };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/me/password',
      tags,
      summary: 'Đổi mật khẩu của mình / change own password',
      description: 'Được gọi cả khi tài khoản đang bị yêu cầu đổi mật khẩu. Các phiên khác bị đăng xuất.',
      access: { session: true },
      idempotent: false,
      body: ChangePasswordRequest,
      response: Ok,
      handler: async (c) => {
        const actor = actorOf(c);
        if (actor.stage !== 'active') throw mfaFirst();
        await auth.changePassword(actor, c.body.currentPassword, c.body.newPassword, c.meta);
        return { ok: true as const };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/me/mfa/enrol',
      tags,
      summary: 'Bắt đầu đăng ký xác thực hai lớp: khóa bí mật và mã QR / start 2FA enrolment',
      access: { session: true },
      idempotent: false,
      response: MfaEnrolment,
      handler: async (c) => {
        const actor = actorOf(c);
        if (actor.stage === 'mfa') throw mfaFirst();
        return auth.startMfaEnrolment(actor, c.meta);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/me/mfa/confirm',
      tags,
      summary: 'Xác nhận đăng ký 2FA bằng mã đầu tiên; trả về mã khôi phục (chỉ hiện một lần)',
      access: { session: true },
      idempotent: false,
      body: MfaConfirmRequest,
      response: RecoveryCodes,
      handler: async (c) => {
        const actor = actorOf(c);
        if (actor.stage === 'mfa') throw mfaFirst();
        const { codes, session } = await auth.confirmMfaEnrolment(actor, c.body.code, c.meta);
        if (session) setCookie(c.reply, session.token);
        return { recoveryCodes: codes };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/me/mfa/disable',
      tags,
      summary: 'Tắt xác thực hai lớp (cần mật khẩu) / turn 2FA off',
      access: { user: true },
      idempotent: false,
      body: MfaDisableRequest,
      response: Ok,
      handler: async (c) => {
        await auth.disableMfa(actorOf(c), c.body.password, c.meta);
        return { ok: true as const };
      },
    }),
  ];
}

function mfaFirst() {
  return new AppError(401, 'mfa_required');
}

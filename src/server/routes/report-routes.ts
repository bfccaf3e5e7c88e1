// GET /api/reports/summary(.csv)?from=YYYY-MM-DD&to=YYYY-MM-DD[&team=<id>]: the team's anonymised
// report of a fixed period (a calendar month, quarter, half-year or year; anything else is 400). THMs and coordinators get their own team's figures only; admins may name any team.
// Auth MUST come before the period is checked: a signed-out request learns nothing (401).
import '../../shared/i18n/messages-console';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Store } from '../store/store';
import { requireSession } from '../auth/request-session';
import { HttpError } from '../http/api-error';
import { parseReportPeriod } from '../../shared/reports/report';
import { teamCaseloadCounts, teamReportCounts } from '../reports/team-report-counts';
import { buildCaseload, buildSummary } from '../reports/summary';
import { summaryCsv } from '../reports/summary-csv';
import { reportRuleOfYear } from '../reports/report-settings';
import { message } from '../../shared/i18n/message';

interface ReportQuery {
  from?: unknown;
  to?: unknown;
  team?: unknown;
}

export function reportRoutes(app: FastifyInstance, store: Store, now: () => Date): void {
  const summaryFor = async (request: FastifyRequest, reply: FastifyReply) => {
    const { user } = await requireSession(store, request, reply, now());
    const query = (request.query ?? {}) as ReportQuery;
    let team: { id: string; name: string } = user.team;
    if (query.team !== undefined && query.team !== user.team.id) {
      if (user.role !== 'admin') {
        throw new HttpError(403, 'other_team', message('server.reports.otherTeam'));
      }
      const [other] =
        typeof query.team === 'string'
          ? await store.query<{ id: string; name: string }>(
              'SELECT id, name FROM teams WHERE id = $1',
              [query.team],
            )
          : [];
      if (!other) throw new HttpError(404, 'unknown_team', message('server.reports.unknownTeam'));
      team = other;
    }
    const parsed = parseReportPeriod(query.from, query.to);
    if (!parsed.ok) throw new HttpError(400, 'invalid_period', parsed.message);
    const year = Number(parsed.period.from.slice(0, 4));
    const rule = await reportRuleOfYear(store, team.id, year, now());
    const counts = await teamReportCounts(store, team.id, parsed.period, rule.consentRequired);
    reply.header('cache-control', 'no-store');
    const summary = buildSummary(team, parsed.period, counts, rule);
    // The caseload per THM is for those who lead the team, not for every THM's screen.
    if (user.role === 'coordinator' || user.role === 'admin') {
      const caseload = await teamCaseloadCounts(
        store,
        team.id,
        parsed.period,
        rule.consentRequired,
      );
      summary.caseload = buildCaseload(parsed.period, caseload);
    }
    return summary;
  };

  app.get('/api/reports/summary', async (request, reply) => summaryFor(request, reply));

  app.get('/api/reports/summary.csv', async (request, reply) => {
    const summary = await summaryFor(request, reply);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header(
        'content-disposition',
        `attachment; filename="sachbericht-${summary.from}-bis-${summary.to}.csv"`,
      )
      .send(summaryCsv(summary));
  });
}

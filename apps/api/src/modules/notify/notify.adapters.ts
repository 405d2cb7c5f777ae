/**
 * External channels behind one interface. Webhook (our JSON), WeCom (企业微信) and DingTalk (钉钉)
 * group-robot formats are built in; SMS and e-mail gateways differ per province and plug in here.
 */
export interface OutboundMessage {
  title: string;
  text: string;
  caseNumber?: string | undefined;
  url?: string | undefined;
}

export interface NotifyAdapter {
  channel: string;
  send(message: OutboundMessage): Promise<void>;
}

type Fetch = typeof fetch;

async function postJson(f: Fetch, url: string, body: unknown): Promise<void> {
  const res = await f(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  // Robots answer 200 with an error code in the body.
  const text = await res.text();
  if (text.startsWith('{')) {
    const j = JSON.parse(text) as { errcode?: number; errmsg?: string };
    if (typeof j.errcode === 'number' && j.errcode !== 0)
      throw new Error(`errcode ${j.errcode}: ${j.errmsg}`);
  }
}

export function webhookAdapter(url: string, f: Fetch = fetch): NotifyAdapter {
  return { channel: 'webhook', send: (m) => postJson(f, url, { type: 'chuangcheng.notification', ...m }) };
}

const markdown = (m: OutboundMessage) =>
  `### ${m.title}\n${m.text}${m.caseNumber ? `\n> 案卷编号：${m.caseNumber}` : ''}${m.url ? `\n[查看详情](${m.url})` : ''}`;

/** 企业微信群机器人: {"msgtype":"markdown","markdown":{"content":"…"}} */
export function wecomAdapter(url: string, f: Fetch = fetch): NotifyAdapter {
  return {
    channel: 'wecom',
    send: (m) => postJson(f, url, { msgtype: 'markdown', markdown: { content: markdown(m) } }),
  };
}

/** 钉钉群机器人: {"msgtype":"markdown","markdown":{"title":"…","text":"…"}} */
export function dingtalkAdapter(url: string, f: Fetch = fetch): NotifyAdapter {
  return {
    channel: 'dingtalk',
    send: (m) => postJson(f, url, { msgtype: 'markdown', markdown: { title: m.title, text: markdown(m) } }),
  };
}

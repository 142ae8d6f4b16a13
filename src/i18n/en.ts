/**
 * English messages. Summaries are one line in plain words; `.fix` lines are remediation addressed to
 * whoever can act (the site's IT gets exact hosts, ports and protocols). The same fault always gets
 * the same words. Placeholders: {name}.
 */
export const en = {
  'guard.blocked': 'zapcheck refused to contact {what}: this run may not reach it (safety guard)',
  'optional.note': '(optional for this charger)',

  'dns.ok': '{host} resolves to {addresses}{via}',
  'dns.nxdomain': '{host} does not exist according to the DNS server {server} (NXDOMAIN)',
  'dns.nxdomain.fix':
    'Make the DNS server {server} resolve {host} normally. If a DNS filter or block list is in use (they often catch *.azure-devices.net), allow {host}.',
  'dns.servfail': 'The DNS server {server} failed to resolve {host} (SERVFAIL)',
  'dns.servfail.fix':
    'The DNS server {server} cannot resolve {host}: check its upstream servers and its internet connection, or hand out a working DNS server by DHCP.',
  'dns.refused': 'The DNS server {server} refuses to answer for {host} (REFUSED)',
  'dns.refused.fix':
    'Let the DNS server {server} answer queries from the charger network, or hand out a DNS server by DHCP that does.',
  'dns.timeout': 'No answer from the DNS server {server} for {host}',
  'dns.timeout.fix':
    'The DNS server {server} did not answer: make sure the DNS server handed out by DHCP answers queries from the charger network (UDP and TCP port 53).',
  'dns.unreachable': 'The DNS server {server} cannot be reached (query for {host})',
  'dns.unreachable.fix':
    'The DNS server {server} is unreachable from this network: allow UDP and TCP port 53 to it, or hand out a reachable DNS server by DHCP.',
  'dns.badreply': 'The DNS server {server} answered for {host} with a broken packet',
  'dns.badreply.fix':
    'The DNS server {server} (or something in between) sends malformed DNS answers: check DNS filtering or inspection devices on the path.',
  'dns.error': 'DNS lookup of {host} via {server} failed: {message}',
  'dns.noresolver': 'No DNS server is configured, so {host} cannot be resolved',
  'dns.noresolver.fix':
    'Hand out a DNS server with DHCP: the charger uses only the DNS server it gets from DHCP (no static DNS).',
  'dns.noipv4': '{host} has no IPv4 address in DNS (via {server})',
  'dns.noipv4.v6only': '{host} resolves to IPv6 only (via {server}); the charger speaks IPv4 only',
  'dns.noipv4.fix':
    'The charger is IPv4 only: make {host} resolve to its IPv4 address (A record) through the DNS server {server}, and give the charger network IPv4 connectivity.',
  'dns.sinkhole': '{host} is answered with {address} ({range} address) by {server}: blocked or redirected',
  'dns.sinkhole.fix':
    'The DNS server {server} answers {host} with {address}, which is not the real cloud address (a block list, sinkhole or local override). Remove the block or override so {host} resolves to its public address.',
  'dns.partial': '{host} resolves, but the DNS server(s) {bad} did not answer',
  'dns.partial.fix':
    'The charger may be handed the DNS server(s) {bad}, which did not answer for {host}: fix them or stop handing them out by DHCP.',

  'ntp.behind': 'behind',
  'ntp.ahead': 'ahead',
  'ntp.ok': 'NTP time from {host} (UDP {port}) received; this laptop is {offset} {direction}',
  'ntp.skew.warn': 'NTP works, but this laptop’s clock is {offset} {direction} the time from {host}',
  'ntp.skew.fail':
    'The time from {host} is {offset} away from this laptop’s clock: either the laptop clock is wrong, or the network serves a wrong time',
  'ntp.skew.fix.installer':
    'Set this laptop to automatic time and run zapcheck again: a wrong laptop clock makes certificates look invalid.',
  'ntp.skew.fix.it':
    'If the laptop clock is right, something on the network answers NTP (UDP 123) with a wrong time: chargers would be refused by the cloud (their login token is valid for 5 minutes). Let UDP 123 reach {host} unmodified.',
  'ntp.kod': 'The NTP server {host} refuses to serve time (kiss-o’-death {code})',
  'ntp.kod.fix':
    'The NTP server for {host} answered with kiss-o’-death {code} (rate limit or access denied): allow outbound UDP 123 to {host} without NAT sharing limits, or check that no local device answers NTP in its place.',
  'ntp.bad': 'The NTP reply from {host} is not valid: {message}',
  'ntp.bad.fix':
    'Something answers NTP (UDP 123) for {host} with invalid packets: let UDP 123 reach {host} directly, without interception.',
  'ntp.noreply': 'No NTP reply from {host} on UDP {port} within {limit}: UDP 123 is blocked',
  'ntp.rejected': 'NTP to {host} on UDP {port} is rejected (port unreachable)',
  'ntp.noreply.fix':
    'Allow outbound UDP port 123 (NTP) to {host}. Without time the charger’s clock drifts and the cloud refuses it.',

  'tcp.noaddress': 'No IPv4 address for {host} to connect to',
  'tcp.ok': 'TCP {port} to {host} ({ip}) connects in {ms} ms',
  'tcp.refused': 'TCP {port} to {host} is refused: a firewall rejects it (or nothing listens at {ip})',
  'tcp.refused.fix':
    'Allow outbound TCP port {port} to {host} (the firewall actively rejects it now). Allow it by host name: the cloud’s IP addresses change.',
  'tcp.dropped': 'TCP {port} to {host} gets no answer within {limit}: the traffic is silently dropped',
  'tcp.dropped.fix':
    'Allow outbound TCP port {port} to {host}: a firewall silently drops it now. Allow it by host name, not by IP address: the cloud’s addresses change.',
  'tcp.unreachable': 'TCP {port} to {host} ({ip}): no route to the internet from this network',
  'tcp.unreachable.fix':
    'There is no route from this network to {ip} ({host}): check the default gateway and the internet uplink.',
  'tcp.reset': 'TCP {port} to {host} is reset by the network',
  'tcp.error': 'TCP {port} to {host} failed: {message}',

  'tls.ok': '{protocol} to {host}:{port} works; certificate valid, issued by {issuer}',
  'tls.ok.issuer': '{protocol} to {host}:{port} works; certificate from the expected issuer {issuer}',
  'tls.ok.private':
    '{protocol} to {host}:{port} works; issued by {issuer} (the charger checks this host against a private root)',
  'tls.version':
    '{host}:{port} does not accept {version} (the server speaks {spoken}); the charger cannot connect',
  'tls.version.fix':
    'Something on the path to {host}:{port} only accepts {spoken}: the charger needs {version}. Turn off TLS version enforcement or inspection for {host}.',
  'tls.handshake': 'The TLS handshake with {host}:{port} fails: {message}',
  'tls.handshake.fix':
    'The TLS handshake to {host}:{port} fails on this network: check firewalls or proxies that inspect or block TLS to {host}.',
  'tls.timeout': 'The TLS handshake with {host}:{port} gets no answer within {limit}',
  'tls.timeout.fix':
    'TCP to {host}:{port} connects but TLS stalls: a firewall inspecting TLS (by name, SNI) drops it. Allow TLS to {host}:{port} without inspection.',
  'tls.reset': 'The connection to {host}:{port} is cut when TLS starts (filtered by name)',
  'tls.reset.fix':
    'A firewall resets TLS connections to {host}:{port} after seeing the server name: allow {host} in the web/TLS filter.',
  'tls.intercepted.product':
    'TLS to {host}:{port} is intercepted by {product} (certificate issued by {issuer}); the charger rejects it',
  'tls.intercepted.issuer':
    'TLS to {host}:{port} is intercepted: one unknown CA ({issuer}) signs unrelated hosts ({hosts}); the charger rejects it',
  'tls.intercepted.fix':
    'Turn off TLS inspection (decryption) for {host} port {port}: the charger only accepts the real certificate and will not connect through it.',
  'tls.expired': 'The certificate of {host}:{port} expired on {date} (issued by {issuer})',
  'tls.expired.fix':
    'The certificate served for {host}:{port} is expired. If that is not the real cloud certificate, a device on the path serves it: remove it. If the laptop clock is wrong, fix it first.',
  'tls.notyet': 'The certificate of {host}:{port} is not valid before {date} (issued by {issuer})',
  'tls.notyet.fix':
    'The certificate for {host}:{port} is not valid yet: check this laptop’s clock first; otherwise a device on the path serves a wrong certificate.',
  'tls.name': 'The certificate served for {host}:{port} is for another name ({names})',
  'tls.name.fix':
    'Something on the network answers for {host}:{port} with a certificate for {names} (often a captive portal or a redirecting firewall). Let {host} through unmodified.',
  'tls.untrusted': 'The certificate of {host}:{port} is not from a trusted authority (issued by {issuer})',
  'tls.untrusted.code': 'The certificate of {host}:{port} does not verify ({code}; issued by {issuer})',
  'tls.untrusted.fix':
    'The charger only trusts the real certificate of {host}: remove TLS inspection, proxies or redirects for {host} port {port}.',

  'https.ok': '{host}:{port} answers HTTP {status}',
  'https.proxy': '{host}:{port} answers 407: the network only lets traffic out through a proxy',
  'https.proxy.fix':
    'The charger cannot use a proxy: allow direct outbound HTTPS (TCP {port}) to {host}, bypassing the proxy.',
  'https.captive': '{host}:{port} redirects to {target}: a captive portal or login page is in the way',
  'https.login': '{host}:{port} answers with a login page: a captive portal is in the way',
  'https.captive.fix':
    'The charger cannot log in to a captive portal: exempt the chargers (by MAC address) from the portal, or use a network without one.',
  'https.noanswer': 'TLS to {host}:{port} works but no HTTP answer came within {limit}',
  'https.noanswer.fix':
    'HTTPS to {host}:{port} connects but gets no valid answer: check web filters or proxies on the path for {host}.',
  'https.bad': 'The HTTP answer from {host}:{port} is broken: {message}',

  'mqtt.ok':
    'MQTT broker at {host}:{port} answers (CONNACK {code}: {meaning}, expected for an anonymous probe)',
  'mqtt.noconnack': 'No MQTT answer (CONNACK) from {host}:{port} within {limit}',
  'mqtt.notmqtt': '{host}:{port} answers, but not with MQTT: something else sits on port {port}',
  'mqtt.noconnack.fix':
    'TLS to {host}:{port} works but MQTT does not: a firewall or proxy inspects or blocks MQTT. Allow MQTT over TLS (TCP {port}) to {host} unmodified.',

  'env.route.ok': 'IPv4 default route via {gateway} on {iface}',
  'env.route.unknown': 'Could not tell whether this network gives IPv4 ({source})',
  'env.route.none': 'This network gives no IPv4 route to the internet',
  'env.route.none.fix':
    'The charger speaks IPv4 only: give the charger network IPv4 (DHCP with an IPv4 gateway); an IPv6-only network cannot carry it.',
  'env.route.none.installer':
    'Check that the laptop is connected to the network the chargers will use, then run zapcheck again.',
  'env.proxy.ok': 'No proxy is configured on this laptop',
  'env.proxy':
    'This laptop is set to use a proxy ({list}); chargers cannot. zapcheck tested direct connections',
  'env.proxy.fix':
    'Chargers cannot use a proxy: the site must allow the charger hosts and ports directly, without the proxy.',
} as const;

export type MessageKey = keyof typeof en;

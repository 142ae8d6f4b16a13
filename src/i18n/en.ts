/**
 * English messages. Summaries are one line in plain words; `.fix` lines are remediation addressed to
 * whoever can act (the site's IT gets exact hosts, ports and protocols). The same fault always gets
 * the same words. Placeholders: {name}.
 */
export const en = {
  'guard.blocked': 'zapcheck refused to contact {what}: this run may not reach it (safety guard)',
  'optional.note': '(optional for this charger)',
  'run.skipped': 'not tested: {title} did not pass ({cause})',
  'run.interrupted': 'not finished: the run was interrupted',
  'run.notselected': 'not run (--only)',
  'checks.heading': 'What a run of profile {profile} checks ({n} checks, in report order):',
  'checks.col.id': 'check (for --only)',
  'checks.col.title': 'what it checks',
  'checks.needs': 'needs: {list}',
  'checks.footer':
    'Run only some (with what they need): zapcheck site --only <kind or check>, e.g. --only dns,ntp or --only tls:api.zaptec.com:443',
  'err.only.unknown': '--only: no check "{name}" in profile {profile}',
  'err.only.empty': '--only: name at least one kind or check',
  'err.only.hint': 'kinds: {kinds}; every check: zapcheck site --list-checks',
  'term.notrun.one': '{n} check not run (--only): {list}',
  'term.notrun.many': '{n} checks not run (--only): {list}',
  'run.overran': 'zapcheck did not finish this check within its {budget} ms budget',
  'run.internal': 'zapcheck failed while checking: {message}',

  'dns.ok': '{host} resolves to {addresses}{via}',
  'dns.nxdomain': '{host} does not exist according to the DNS server {server} (NXDOMAIN)',
  'dns.nxdomain.fix':
    'Make the DNS server {server} resolve {host} normally; if a DNS filter or block list is in use (they often catch *.azure-devices.net), allow the name there.',
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
  'dns.cname.long': 'The DNS server {server} answered for {host} with a CNAME chain longer than {limit}',
  'dns.cname.loop': 'The DNS server {server} answered for {host} with a CNAME loop',
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
  'dns.hijack':
    '{host} resolves to {address}, the address {server} gives every name, even one that cannot exist ({probe}), and what answers there shows a certificate for another name or a redirect: a captive portal or DNS redirect',
  'dns.hijack.fix':
    'The site network sends every name to {address}, a captive portal or DNS redirect ({portal}): log in to the portal, or ask IT to exempt the chargers from it (by their MAC addresses) so they get real DNS answers and a direct path to the internet.',
  'dns.hijack.fix.plain':
    'The site network sends every name to {address}, a captive portal or DNS redirect: log in to the portal, or ask IT to exempt the chargers from it (by their MAC addresses) so they get real DNS answers and a direct path to the internet.',
  'dns.sinkhole': '{host} is answered with {address} ({range} address) by {server}: blocked or redirected',
  'dns.sinkhole.fix':
    'The DNS server {server} answers {host} with {address}, which is not the real cloud address (a block list, sinkhole or local override). Remove the block or override so {host} resolves to its public address.',
  'dns.partial':
    '{host} resolves, but the DNS server(s) {bad} gave no answer for it (refused, failed or silent)',
  'dns.partial.fix':
    'DHCP hands out the DNS server(s) {bad}, which gave no answer for {host}, and the charger may ask them: make them answer queries from the charger network (UDP and TCP port 53), or stop handing them out by DHCP.',

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
  'ntp.unsync':
    'The NTP server answering for {host} is not synchronised itself ({reason}): the local time server has no good time to give',
  'ntp.unsync.fix':
    'The time server that answers NTP (UDP 123) for {host} is not synchronised ({reason}). If it is a local time server or the router, point it at pool.ntp.org; or let the chargers’ NTP to {host} pass through to the internet unmodified.',
  'ntp.bad': 'The NTP reply from {host} is not valid: {message}',
  'ntp.bad.zero': 'The NTP reply from {host} carries no time (its transmit timestamp is zero)',
  'ntp.bad.fix':
    'Something answers NTP (UDP 123) for {host} with invalid packets: let UDP 123 reach {host} directly, without interception.',
  'ntp.noreply': 'No NTP reply from {host} on UDP {port} within {limit}: UDP 123 is blocked',
  'ntp.rejected': 'NTP to {host} on UDP {port} is rejected (port unreachable)',
  'ntp.unreachable.noroute':
    'NTP to {host} on UDP {port} cannot get out: this network gives no IPv4 route to the internet (see the IPv4 default route)',
  'ntp.unreachable':
    'NTP to {host} on UDP {port}: the network answers "unreachable" (no route, or a firewall rejecting it)',
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
  'tcp.unreachable':
    'TCP {port} to {host} ({ip}): the network answers "unreachable" (no route, or a firewall rejecting it)',
  'tcp.unreachable.fix':
    'Allow outbound TCP port {port} to {host}: the network answers that {ip} cannot be reached (a firewall rule that rejects it, or no route). If nothing reaches the internet, check the default gateway and the uplink.',
  'tcp.unreachable.noroute':
    'TCP {port} to {host} ({ip}) cannot get out: this network gives no IPv4 route to the internet (see the IPv4 default route)',
  'tcp.reset': 'TCP {port} to {host} is reset by the network',
  'tcp.error': 'TCP {port} to {host} failed: {message}',

  'tls.ok': '{protocol} to {host}:{port} works; certificate valid, issued by {issuer}',
  'tls.ok.issuer': '{protocol} to {host}:{port} works; certificate from the expected issuer {issuer}',
  'tls.ok.private':
    '{protocol} to {host}:{port} works; issued by {issuer} (the charger checks this host against a private root)',
  'tls.version':
    '{host}:{port} does not accept {version} (the server speaks {spoken}); the charger cannot connect',
  'tls.version.fix':
    'Something on the path only accepts {spoken}, and the charger needs {version}: turn off TLS version enforcement or inspection for {host}:{port}.',
  'tls.handshake': 'The TLS handshake with {host}:{port} fails: {message}',
  'tls.handshake.reason': 'The TLS handshake with {host}:{port} fails (OpenSSL: {reason})',
  'tls.handshake.closed':
    'The connection to {host}:{port} is closed during the TLS handshake, before any valid answer',
  'tls.handshake.fix':
    'The TLS handshake fails on this network: check firewalls or proxies that inspect or block TLS to {host}:{port}.',
  'tls.timeout': 'The TLS handshake with {host}:{port} gets no answer within {limit}',
  'tls.timeout.fix':
    'TCP connects but TLS stalls: a firewall inspecting TLS (by name, SNI) drops it. Allow TLS to {host}:{port} without inspection.',
  'tls.stalled.sni':
    'TCP to {host}:{port} connects, but nothing at all comes back after the TLS ClientHello: a filter on the server name (SNI) or deep packet inspection drops it',
  'tls.stalled.sni.name':
    'TCP to {host}:{port} connects, but nothing at all comes back after the TLS ClientHello, while the same server answers a ClientHello naming another host: a filter on the server name (SNI) drops it',
  'tls.stalled.sni.fix':
    'The firewall drops TLS to {host}:{port} after the ClientHello, which names the server (SNI): allow it in the web, application or SNI filter (deep packet inspection), or exempt the chargers from that filter.',
  'tls.stalled.mtu':
    'TCP to {host}:{port} connects, but the server’s TLS answer stops after {bytes} bytes: large packets are lost on the way back (a path-MTU black hole)',
  'tls.stalled.mtu.short':
    'TCP to {host}:{port} connects and a short TLS reply gets through, but the server’s certificates (its first large packets) never arrive: large packets are lost on the way back (a path-MTU black hole)',
  'tls.stalled.mtu.fix':
    'Large packets from {host}:{port} are lost on the way to the site while small ones pass (a path-MTU black hole, typical on VPN, PPPoE and LTE links): let ICMP type 3 code 4 ("fragmentation needed") through the firewall, or clamp the TCP MSS on the router (e.g. to the path MTU minus 40).',
  'tls.reset': 'The connection to {host}:{port} is reset (TCP RST) as soon as TLS starts',
  'tls.reset.fix':
    'A firewall resets TLS connections to {host}:{port} after the ClientHello (often a web or TLS filter that reads the server name): allow TLS to {host}:{port} through it.',
  'tls.intercepted.product':
    'TLS to {host}:{port} is intercepted by {product} (certificate issued by {issuer}); the charger rejects it',
  'tls.intercepted.issuer':
    'TLS to {host}:{port} is intercepted: one unknown CA ({issuer}) signs unrelated hosts ({hosts}); the charger rejects it',
  'tls.intercepted.fix':
    'Turn off TLS inspection by {product} for: {host}:{port}. The charger only accepts the real certificate and will not connect through it.',
  'tls.intercepted.issuer.fix':
    'Turn off TLS inspection (by the device whose CA is {issuer}) for: {host}:{port}. The charger only accepts the real certificate and will not connect through it.',
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
    'The charger only trusts the real certificate: remove TLS inspection, proxies or redirects for {host}:{port}.',
  'tls.role.leaf': 'server',
  'tls.role.intermediate': 'intermediate',
  'tls.role.root': 'root',
  'tls.expired.ca':
    'The {role} CA certificate "{subject}" in the chain of {host}:{port} expired on {date}; the server’s own certificate is not the problem',
  'tls.expired.ca.fix':
    'For whoever runs {host}:{port}: the server sends the expired {role} CA certificate "{subject}" (expired {date}); install the current chain from the certificate authority. Nothing to change on the site firewall, unless a device on the path serves this chain.',
  'tls.notyet.ca':
    'The {role} CA certificate "{subject}" in the chain of {host}:{port} is not valid before {date} (check this laptop’s clock)',
  'tls.chain.incomplete':
    '{host}:{port} sends only its own certificate, not the intermediate certificate of {issuer} that signed it, which the charger does not fetch',
  'tls.chain.incomplete.fix':
    'For whoever runs {host}:{port} (not the site firewall): the server does not send its intermediate certificate ({issuer}); configure it to send the full chain (its certificate followed by the intermediate). The charger does not download missing intermediates.',

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
    'HTTPS connects but gets no valid answer: check web filters or proxies on the path for {host}:{port}.',
  'https.bad': 'The HTTP answer from {host}:{port} is broken: {message}',
  'https.bad.nothttp':
    '{host}:{port} completes TLS but does not answer in HTTP (another service or a filter answers there)',
  'https.bad.closed': '{host}:{port} completes TLS, then closes the connection without an HTTP answer',
  'https.bad.reset':
    '{host}:{port} completes TLS, then resets the connection (TCP RST) before an HTTP answer',
  'https.bad.large': 'The HTTP headers from {host}:{port} are too large to be read',

  'mqtt.ok':
    'MQTT broker at {host}:{port} answers (CONNACK {code}: {meaning}, expected for an anonymous probe)',
  // What a CONNACK return code means (MQTT 3.1.1 0-5; MQTT 5.0 reason codes 128 and up).
  'mqtt.connack.0': 'accepted',
  'mqtt.connack.1': 'unacceptable protocol version',
  'mqtt.connack.2': 'identifier rejected',
  'mqtt.connack.3': 'server unavailable',
  'mqtt.connack.4': 'bad user name or password',
  'mqtt.connack.5': 'not authorized',
  'mqtt.connack.128': 'unspecified error',
  'mqtt.connack.129': 'malformed packet',
  'mqtt.connack.130': 'protocol error',
  'mqtt.connack.131': 'implementation-specific error',
  'mqtt.connack.132': 'unsupported protocol version',
  'mqtt.connack.133': 'client identifier not valid',
  'mqtt.connack.134': 'bad user name or password',
  'mqtt.connack.135': 'not authorized',
  'mqtt.connack.136': 'server unavailable',
  'mqtt.connack.137': 'server busy',
  'mqtt.connack.138': 'banned',
  'mqtt.connack.140': 'bad authentication method',
  'mqtt.connack.144': 'topic name invalid',
  'mqtt.connack.149': 'packet too large',
  'mqtt.connack.151': 'quota exceeded',
  'mqtt.connack.153': 'payload format invalid',
  'mqtt.connack.154': 'retain not supported',
  'mqtt.connack.155': 'QoS not supported',
  'mqtt.connack.156': 'use another server',
  'mqtt.connack.157': 'server moved',
  'mqtt.connack.159': 'connection rate exceeded',
  'mqtt.connack.unknown': 'unknown code',
  'mqtt.noconnack': 'No MQTT answer (CONNACK) from {host}:{port} within {limit}',
  'mqtt.notmqtt': '{host}:{port} answers, but not with MQTT: something else sits on port {port}',
  'mqtt.noconnack.fix':
    'TLS to {host}:{port} works but MQTT does not: a firewall or proxy inspects or blocks MQTT. Allow MQTT over TLS (TCP {port}) to {host} unmodified.',
  'mqtt.nottried':
    'MQTT not tried (--no-mqtt-connect): TLS to {host}:{port} works, but no broker answer was asked for',

  'env.route.ok': 'IPv4 default route via {gateway} on {iface}',
  'lab.list.runone': 'Run one: zapcheck site --lab <scenario>',
  'env.source.tools': 'OS network tools',
  'env.source.unreadable': '{path} unreadable',
  'env.source.platform': 'not read on {platform}',
  'env.source.failed': 'could not read the routes: {reason}',
  'env.source.lab': 'lab scenario {name} (simulated)',
  'env.source.lab.unreadable': 'lab scenario {name} (simulated: the routing table could not be read)',
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

  // Everything below: the human text of the terminal chrome, reports, allow-list, data budget and the
  // sites/history/report/allowlist commands (reports issue).
  'verdict.ready': 'READY',
  'verdict.notready': 'NOT READY',
  'verdict.interrupted': 'INTERRUPTED',
  'verdict.notchecked': '(not checked: {list})',
  'status.pass': 'pass',
  'status.warn': 'warning',
  'status.fail': 'fail',
  'status.skip': 'not checked',
  'status.error': 'error',
  'status.info': 'info',

  'term.header': 'site "{site}" · profile {profile}',
  'term.header.unnamed': 'profile {profile}',
  'term.header.lab': 'LAB, simulated site: {scenario}',
  'term.count.fail.one': '{n} failed',
  'term.count.fail.many': '{n} failed',
  'term.count.error.one': '{n} error',
  'term.count.error.many': '{n} errors',
  'term.count.warn.one': '{n} warning',
  'term.count.warn.many': '{n} warnings',
  'term.count.skip.one': '{n} skipped',
  'term.count.skip.many': '{n} skipped',
  'term.count.pass.one': '{n} passed',
  'term.count.pass.many': '{n} passed',
  'term.ready': 'The network will carry the chargers.',
  'term.details.heading': 'Details (--verbose): each check, how long it took and its raw evidence',
  'term.ready.partial': 'What was checked works; run it again without --only before the site is handed over.',
  'term.ready.warn': 'The network will carry the chargers; the warnings below are worth fixing.',
  'term.interrupted': 'The run was interrupted: checks marked "-" were not finished.',
  'term.it.heading': 'What to ask the site’s IT to change:',
  'term.installer.heading': 'For the installer:',
  'term.notchecked.heading': 'Not checked:',
  'term.duration': '({seconds} s)',
  'term.duration.short': '(under a second)',
  'term.spinner.start': 'Checking the site network…',
  'term.spinner.progress': 'Checking ({done}/{total}) {names}',

  'report.title': 'Site network check for EV chargers',
  'report.site': 'Site',
  'report.address': 'Address',
  'report.date': 'Date',
  'report.profile': 'Charger profile',
  'report.chargers': 'Chargers planned',
  'report.notes': 'Notes',
  'report.lab': 'LAB: simulated site (lab scenario "{scenario}"), not a real network',
  'report.verdict.ready': 'The network will carry the chargers.',
  'report.verdict.ready.warn': 'The network will carry the chargers; the warnings are worth fixing.',
  'report.verdict.notready': 'The network will not carry the chargers yet: see what to change.',
  'report.verdict.interrupted': 'The check was interrupted before it finished: run it again.',
  'report.counts': '{pass} passed, {warn} warnings, {fail} failed, {skip} not checked, {error} errors',
  'report.req.heading': 'Requirements (installation manual, network page)',
  'report.req.col.requirement': 'Requirement',
  'report.req.col.result': 'Result',
  'report.req.col.detail': 'Detail',
  'req.R1': 'Wi-Fi 2.4 GHz (802.11 b/g/n), channel 1 to 11',
  'req.R2': 'DHCP with one free address per charger',
  'req.R3': 'Data traffic: about 3 MB per charger per day',
  'req.R4': 'Encrypted traffic (TLS) end to end, no inspection',
  'req.R5': 'Clock sync: NTP, outbound UDP 123',
  'req.R6': 'HTTPS, outbound TCP 443 (cloud API, firmware updates)',
  'req.R7': 'MQTT over TLS, outbound TCP 8883 (main cloud channel)',
  'req.R8': 'DNS: every cloud host resolves',
  'req.R9': 'No inbound ports: works behind NAT',
  'req.more': '(and {n} more)',
  'req.because.fail': 'fails because of {what}',
  'req.because.warn': 'warning because of {what}',
  'req.root.intercepted.by': 'TLS is intercepted by {product}',
  'req.root.intercepted': 'TLS is intercepted',
  'req.root.dns': '{host} does not resolve ({cause})',
  'req.root.dns.many': '{n, plural, one {# host does} other {# hosts do}} not resolve ({cause})',
  'req.root.tcp': 'TCP {port} to {host} does not connect ({cause})',
  'req.root.tcp.many': 'TCP {port} does not connect to {n, plural, one {# host} other {# hosts}} ({cause})',
  'req.root.tls': 'TLS to {host}:{port} fails ({cause})',
  'req.root.tls.many': 'TLS fails to {n, plural, one {# host} other {# hosts}} ({cause})',
  'survey.heading': 'Wi-Fi survey of {site}, spot {spot}: network {ssid}',
  'survey.samples': 'samples {samples} dBm; min {min}, median {median} dBm',
  'survey.where': 'BSSID {bssid}, channel {channel} ({band} GHz)',
  'survey.kept':
    'Kept with the site ({n, plural, one {# spot} other {# spots}} surveyed). Every spot: zapcheck survey "{site}" --list',
  'survey.notkept': 'Not kept (--no-history).',
  'survey.keepfail': 'Could not keep the reading in {dir}: {message}',
  'survey.list.heading':
    'Wi-Fi survey of {site}: {n, plural, one {# spot} other {# spots}}, the newest reading of each',
  'survey.list.none':
    'No survey of {site} yet. Take one at each charger position: zapcheck survey "{site}" --spot "<name>"',
  'survey.col.spot': 'Spot',
  'survey.col.taken': 'Taken',
  'survey.col.ssid': 'Network',
  'survey.col.median': 'Median',
  'survey.col.min': 'Min',
  'survey.col.channel': 'Channel',
  'survey.col.verdict': 'Verdict',
  'survey.forgot': 'Forgot spot {spot} of {site} ({n, plural, one {# reading} other {# readings}} removed).',
  'survey.fix.weak': 'Add an access point or move the existing one nearer to {spot}.',
  'survey.notseen': 'not seen',
  'survey.sample': 'sample {i} of {n}: {dbm}',
  'err.survey.nossid':
    'Which network is the site network? Give --ssid, or ssid: in the site entry of zapcheck.yaml.',
  'err.survey.nospot': 'Say which charger position this is: --spot "<name>" (or --list, or --forget <spot>).',
  'err.survey.spot': 'A spot name is one printable line of at most 60 characters.',
  'err.survey.samples': '--samples must be a whole number from 1 to 100 (got {value}).',
  'err.survey.unknownspot': 'No spot named {spot} in the survey of {site}. Its spots: {spots}',
  'err.survey.noscan': 'No Wi-Fi reading could be taken: {message}',
  'err.scanfile.many':
    'Several scan files (or a folder) are replayed only with --watch, or by zapcheck survey.',
  'err.scanfile.empty': 'The folder {file} holds no scan files.',
  'watch.start': 'Watching {ssid}: a sample every {seconds} s. Ctrl-C ends it.',
  'watch.line': '{ssid} {bar} now {current}  min {min}  median {median}  {bssid} ch {channel}  {verdict}',
  'watch.notseen': '{ssid}: not seen in this scan',
  'watch.any': 'the network this laptop is on',
  'report.survey.heading': 'Wi-Fi survey: signal at each charger position',
  'req.R1.survey.pass': '{n, plural, one {# spot} other {# spots}} surveyed, the weakest {spot} at {dbm}',
  'req.R1.survey.bad': 'weakest spot {spot}: {dbm} ({cause}); {fix}',
  'req.R1.untested':
    'Scan the Wi-Fi with a laptop where the chargers will hang (zapcheck wifi), or give a saved scan.',
  'req.R2.untested': 'Run zapcheck site (or zapcheck dhcp) on a laptop joined to the site network.',
  'req.R1.nossid':
    'not tested: no site network was named (name the chargers’ Wi-Fi network in the site’s settings)',
  'req.R7.nomqtt':
    'TLS verified, MQTT not tried (the MQTT probe was off; only a CONNACK from the hub proves R7)',
  'req.R4.pass': 'all {n} TLS connections work and nobody intercepts them',
  'req.R5.pass.one': 'NTP answers, clock {offset} off',
  'req.R5.pass': 'all {n} NTP servers answer, clock {offset} off',
  'req.R6.pass': 'TCP 443 connects to all {n} hosts and each answers HTTPS',
  'req.R7.pass': 'TCP 8883 connects, TLS verified, the hub answers MQTT (CONNACK)',
  'req.R8.pass': 'all {n} cloud hosts resolve',
  'req.detail.none': 'not tested: nothing in this run tests it',
  'req.R3.metered':
    'About {total} per month for {chargers, plural, one {# charger} other {# chargers}} on a metered uplink.',
  'req.R3.unmetered':
    'About {total} per month for {chargers, plural, one {# charger} other {# chargers}}; the uplink is not metered.',
  'req.R3.unknown': 'Number of chargers not given: add it to the site’s settings.',
  'req.R9.detail': 'Nothing inbound is needed: never open or forward ports for the chargers.',
  'report.fix.heading': 'What to change',
  'report.fix.it': 'For the site’s IT',
  'report.fix.installer': 'For the installer',
  'report.fix.none': 'Nothing to change.',
  'report.checks.heading': 'All checks',
  'report.checks.col.check': 'Check',
  'report.checks.col.summary': 'Summary',
  'report.wifi.heading': 'Wi-Fi 2.4 GHz channels seen here',
  'report.wifi.none': 'No Wi-Fi scan in this report (no Wi-Fi adapter, or the scan was not run).',
  'report.wifi.allowed': 'channels the charger can use',
  'report.wifi.target': 'the charger network',
  'report.wifi.others': 'other networks',
  'report.wifi.recommended': 'recommended',
  'report.wifi.axis': 'channel',
  'report.allow.heading': 'IT allow-list (outbound only)',
  'report.budget.heading': 'Data budget',
  'report.electrical.heading': 'Electrical reminders (same manual page)',
  'report.electrical.shortcircuit':
    'Check that the short-circuit current at the connection point is enough for the chargers planned.',
  'report.electrical.phases':
    'Three phases are recommended: they allow dynamic load management and phase balancing.',
  'report.footer':
    'Made by zapcheck {version} from a laptop on the site network: valid for the chargers if the laptop was on the network they will use.',
  'report.multi.heading': '{n, plural, one {# report} other {# reports}}',

  'allow.title': 'Outbound connections the chargers need (profile {profile})',
  'allow.col.host': 'Host',
  'allow.col.port': 'Port',
  'allow.col.protocol': 'Protocol',
  'allow.col.required': 'Required',
  'allow.col.why': 'Why',
  'allow.yes': 'yes',
  'allow.optional': 'optional',
  'allow.dns.host': 'DNS server from DHCP',
  'allow.dns.why':
    'Name resolution for every host in this list: the charger uses only the DNS server it gets from DHCP.',
  'allow.proto.ntp': 'NTP',
  'allow.proto.https': 'HTTPS',
  'allow.proto.mqtts': 'MQTT over TLS',
  'allow.proto.tls': 'TLS',
  'allow.proto.dns': 'DNS',
  'allow.rule.hostname':
    'Allow these by host name, not by IP address: the cloud (Azure) addresses change without notice.',
  'allow.rule.inbound': 'No inbound rules and no port forwarding are needed: the chargers work behind NAT.',
  'allow.rule.tls':
    'No TLS inspection (decryption) for these hosts: the charger accepts only the real certificates and will not connect through it.',
  'allow.rule.proxy': 'No proxy: the chargers cannot use one, so these connections must go out directly.',
  'allow.rule.dhcp': 'The chargers get their IPv4 address and DNS server by DHCP (IPv4 only).',
  'why.zaptec.ntp':
    'Clock sync (NTP, UDP 123): the IoT Hub refuses a charger whose clock is over 5 minutes off.',
  'why.zaptec.mqtt':
    'Main channel to ZapCloud (MQTT over TLS 1.2 to an Azure IoT Hub): status up, start/stop commands down.',
  'why.zaptec.api.azure': 'ZapCloud API over HTTPS, used for firmware updates.',
  'why.zaptec.devices':
    'Firmware updates over HTTPS; the charger verifies this host against a private Zaptec root CA.',
  'why.zaptec.api': 'Zaptec API over HTTPS, used for firmware updates.',
  'why.zaptec.ntp.fallback': 'Fallback clock sync (NTP, UDP 123) used by the Go firmware.',

  'budget.base': '{chargers} chargers × {perDay} MB per day × {days} days = {mb}',
  'budget.sessions': '{sessions} charging sessions × {perSession} MB = {mb}',
  'budget.total': 'Total: about {total} per month',
  'budget.advice':
    'Choose a mobile (LTE) data plan of at least {plan} per month: the total plus 50% for firmware updates and reconnections.',
  'budget.assumption':
    'Assumes {sessions, plural, one {# charging session} other {# charging sessions}} per charger per day; change it in the site’s settings.',
  'budget.notmetered': 'The uplink is not metered: no data plan to size.',
  'budget.nochargers': 'Give the number of chargers in the site’s settings to size the data plan.',

  'diff.title': 'Changes from {a} to {b}',
  'diff.verdict': 'Verdict: {a} → {b}',
  'diff.fixed': 'Fixed',
  'diff.regressed': 'Regressed',
  'diff.unchanged': 'Unchanged',
  'diff.added': 'New checks',
  'diff.removed': 'No longer checked',
  'diff.none': '(none)',
  'diff.othersite': 'Note: these reports are for different sites ("{a}" and "{b}").',

  'sites.col.site': 'Site',
  'sites.col.chargers': 'Chargers',
  'sites.col.last': 'Last run',
  'sites.col.verdict': 'Verdict',
  'sites.never': 'never run',
  'sites.none':
    'No sites yet: write a zapcheck.yaml (zapcheck sites --help shows one) or run zapcheck site "<name>".',
  'history.col.date': 'Date',
  'history.lab': '{verdict} (LAB: simulated site)',
  'history.none': 'No saved runs for "{site}" in {dir}.',
  'history.saved': 'Report saved: {file}',
  'history.savefail': 'zapcheck: could not keep this report in {dir} ({message})',

  'err.sites.field': '{file}:{line}: {field}: {problem}',
  'err.sites.unknown': 'site "{site}" is not in {file}',
  'err.sites.unknown.hint': 'sites in {file}: {names}',
  'err.field.type': 'must be {type} (got {value})',
  'err.field.unknown': 'unknown field "{name}"',
  'err.field.required': 'missing field "{name}"',
  'err.field.min': 'must be at least {limit} (got {value})',
  'err.field.max': 'must be at most {limit} (got {value})',
  'err.field.pattern': 'has the wrong form (got {value})',
  'err.field.length': 'must not be empty',
  'err.field.invalid': 'is not valid (got {value})',
  'err.report.notours': '{file} is not a zapcheck report',
  'err.report.newer':
    '{file} was written by a newer zapcheck (report format {version}); this one reads format {supported}',
  'err.report.newer.hint': 'update zapcheck to render it',
  'err.report.older': '{file} uses the old report format {version}, which this zapcheck cannot read',
  'err.report.older.hint':
    'run zapcheck site again for a new report, or render it with the zapcheck that wrote it ({tool})',
  'err.report.invalid': '{file}: {field}: {problem}',
  'err.report.nolast': 'no saved runs for "{site}" in {dir}',
  'err.report.nolast.hint': 'run zapcheck site "{site}" first, or give the report file',
  'err.report.none': 'give at least one report file, or: last ["<site>"]',
  'err.diff.two': '--diff needs exactly two reports: the old one, then the new one',
  'err.diff.format': '--diff prints text, md or json, not {format}',
  'err.format': '--format: "{format}" is not one of {formats}',
  'err.lang': '--lang: "{lang}" is not supported',
  'err.lang.hint': 'languages: en, it',
  // Titles, Wi-Fi, DHCP, the wifi/dhcp commands and the usage errors of site/wifi/dhcp (i18n, issue 6).
  'word.and': 'and',
  'word.or': 'or',
  'label.pass': 'PASS',
  'label.warn': 'WARN',
  'label.fail': 'FAIL',
  'label.skip': 'SKIP',
  'label.error': 'ERROR',
  'who.it': 'site IT',
  'who.it.router': 'site IT / router',
  'who.installer': 'installer',
  'term.note': 'note: {note}',

  'title.env.route': 'IPv4 default route',
  'title.env.proxy': 'No proxy needed',
  'title.wifi': 'Wi-Fi (2.4 GHz, channel {channels})',
  'title.wifi.ssid': 'Wi-Fi "{ssid}" (2.4 GHz, channel {channels})',
  'title.dhcp': 'DHCP: a free address for every charger',

  'wifi.noprobe': 'no Wi-Fi scan available in this run',
  'wifi.noprobe.fix':
    'Run `zapcheck wifi --ssid "<site network>"` on a laptop with Wi-Fi where the chargers will hang, or pass a saved scan with --scan-file.',
  'wifi.noscan': 'Wi-Fi not checked: {message}',
  'wifi.noscan.fix': 'To check the Wi-Fi: {hint}.',
  'wifi.hint.default': 'run zapcheck wifi --scan-file <saved scan>',
  // Scan formats whose name has words (src/platform/wifi/detect.ts SCAN_FORMAT_NAMES, the same in English).
  'wifi.format.nmcli-tabular': 'nmcli device wifi list (Linux, NetworkManager, table)',
  'wifi.format.iwlist-scan': 'iwlist <if> scan (Linux, wireless extensions)',
  'wifi.format.airport-scan': 'airport -s (macOS up to 14.3)',
  'wifi.format.airport-info': 'airport -I (macOS, current connection only)',
  'wifi.format.wdutil-info': 'wdutil info (macOS, current connection only)',
  'wifi.format.netsh-interfaces': 'netsh wlan show interfaces (Windows, current connection only)',
  // Notes of the Wi-Fi scan parsers (src/platform/wifi writes the English text; fromEnglish says it again).
  'wifi.note.iw.dropped': '{n} BSS block(s) without a usable frequency or channel were skipped',
  'wifi.note.iwlist.dropped': '{n} cell(s) without a usable frequency or channel were skipped',
  'wifi.note.mac.off': 'Wi-Fi is switched off on this Mac',
  'wifi.note.mac.nosignal': 'macOS gives no signal for some neighbouring networks',
  'wifi.note.mac.nobssid': 'system_profiler does not show BSSIDs',
  'wifi.note.mac.notassociated': 'the Mac is not associated with any Wi-Fi network',
  'wifi.note.mac.redacted': 'macOS redacted the SSID and BSSID (grant location access, or run it with sudo)',
  'wifi.note.airport.nobssid': '{n} network(s) without BSSID (macOS hides them without Location permission)',
  'wifi.note.netsh.cp850': 'repaired CP850 (OEM code page) text that had been decoded as Latin-1',
  'wifi.note.netsh.dropped': '{n} BSSID block(s) without a channel were skipped',
  'wifi.note.netsh.nodetails': 'netsh lists {n} network(s) without BSSID details (no channel, no signal)',
  'wifi.note.netsh.language':
    'this looks like a netsh scan in a language zapcheck does not read; {n} block(s) skipped',
  'wifi.note.netsh.iflanguage':
    'this looks like netsh interface output in a language zapcheck does not read; {n} block(s) skipped',
  'wifi.note.netsh.connonly': 'connection info only: no scan of neighbours',
  'wifi.note.connonly': 'connection info only: one network, no scan',
  'wifi.note.notjson': 'not valid JSON',
  'wifi.note.nmcli.nolayout': 'no known nmcli field layout fits these {n} lines',
  'wifi.note.nmcli.unplaced':
    '{n} network(s) without channel or frequency (fields: {fields}): cannot be placed on a band',
  'wifi.note.nmcli.skipped': '{n} line(s) did not look like nmcli output and were skipped',
  'wifi.note.nmcli.rows': '{n} table row(s) without a readable channel were skipped',
  'wifi.note.unknown': 'not the output of a Wi-Fi scanner zapcheck knows',
  'wifi.note.parser': 'parser error: {message}',
  'wifi.note.empty.nmcli':
    'nmcli lists no networks: Wi-Fi may be switched off (nmcli radio wifi on) or nothing is in range',
  'wifi.note.empty.iw':
    "{cmd} returned no networks (cached results may be empty: run 'sudo iw dev {dev} scan')",
  'wifi.note.empty.iwlist': 'iwlist returned no networks (no adapter scanned, or not run as root)',
  'wifi.note.empty.macos': 'macOS listed no networks (Location permission for the terminal may be missing)',
  'wifi.note.empty.netsh':
    'netsh lists no networks: Wi-Fi may be off, or Windows has not scanned yet (open the Wi-Fi menu once)',
  'wifiscan.file.unreadable': 'cannot read scan file {file}: {message}',
  'wifiscan.file.unknown':
    '{file} is not a Wi-Fi scan zapcheck knows (nmcli, iw, iwlist, airport, system_profiler, netsh)',
  'wifiscan.platform': 'no Wi-Fi scanner known for {platform}',
  'wifiscan.failed': 'Wi-Fi scan failed: {message}',
  'wifiscan.tool': '{message}',
  'wifiscan.noadapter.sys': 'this computer has no Wi-Fi adapter (no wireless interface in /sys/class/net)',
  'wifiscan.noadapter.iw': 'iw lists no wireless interface',
  'wifiscan.noadapter.nm': 'NetworkManager sees no Wi-Fi device',
  'wifiscan.denied.root': '{message} (scanning needs root)',
  'wifiscan.noscanner.missing': 'no Wi-Fi scanner found (nmcli, iw and iwlist are all missing)',
  'wifiscan.noscanner.failed': 'no Wi-Fi scanner worked here',
  'wifiscan.mac.off': 'Wi-Fi is switched off on this Mac',
  'wifiscan.netsh.missing': 'netsh not found',
  'wifiscan.win.location': 'Windows refuses the scan without Location permission',
  'wifiscan.win.noadapter': 'no wireless interface (or the WLAN AutoConfig service is stopped)',
  'wifiscan.hint.file':
    'save a scan on a device with Wi-Fi (e.g. `nmcli -t device wifi list > scan.txt`) and pass --scan-file scan.txt',
  'wifiscan.hint.timeout': 'run again with a longer --timeout',
  'wifiscan.hint.noadapter':
    "run zapcheck wifi on a laptop with Wi-Fi at the charger's position, or save a scan on a device with Wi-Fi (e.g. `nmcli -t device wifi list > scan.txt`) and pass --scan-file scan.txt",
  'wifiscan.hint.sudo': 'sudo iw dev {dev} scan > scan.txt, then zapcheck wifi --scan-file scan.txt',
  'wifiscan.hint.install':
    'install NetworkManager or iw (e.g. apt install iw, then sudo iw dev wlan0 scan), or save a scan on a device with Wi-Fi (e.g. `nmcli -t device wifi list > scan.txt`) and pass --scan-file scan.txt',
  'wifiscan.hint.mac.on': 'switch Wi-Fi on and run zapcheck wifi again',
  'wifiscan.hint.mac.save':
    'system_profiler SPAirPortDataType > scan.txt, then zapcheck wifi --scan-file scan.txt',
  'wifiscan.hint.win.location':
    'Settings > Privacy & security > Location: allow desktop apps, then run zapcheck wifi again',
  'wifiscan.hint.win.save': 'netsh wlan show networks mode=bssid > scan.txt',

  'wifi.charger': 'charger',
  'wifi.security.open.name': 'open (no password)',
  'wifi.signal.unknown': 'signal unknown',
  'wifi.security.unknown': 'security unknown',
  'wifi.channel.out':
    '{ssid} is on 2.4 GHz channel {channels}, which the charger cannot use (it needs channel {lo}-{hi})',
  'wifi.channel.out.fix':
    "In the router's 2.4 GHz settings, switch off automatic channel selection and set a fixed channel 1, 6 or 11 for {ssid}.",
  'wifi.band.ghz': '{ghz, number} GHz',
  'wifi.band.none': '{ssid} is only on {bands}; the charger needs {needed} (channel {lo}-{hi})',
  'wifi.band.none.fix':
    'Enable the 2.4 GHz radio for {ssid} (802.11 b/g/n) and set a fixed channel 1, 6 or 11.',
  'wifi.signal.where':
    'The signal must be measured where the chargers will hang, not where the laptop is now; a charger in a garage or outside usually gets less.',
  'wifi.signal.nodbm': '{ssid}: this scan does not give a signal strength for channel {channel}',
  'wifi.signal.nodbm.fix': "Scan again at the charger's position with a tool that shows dBm. {where}",
  'wifi.signal.ok': 'signal {signal} here',
  'wifi.signal.weak':
    '{ssid}: signal {signal} is weak (needs {pass} dBm or better; below {fail} dBm the charger drops out)',
  'wifi.signal.tooweak':
    '{ssid}: signal {signal} is too weak (needs {pass} dBm or better; below {fail} dBm the charger drops out)',
  'wifi.signal.weak.fix':
    'Move the access point closer to the chargers or add one (a 2.4 GHz access point or mesh node near the chargers).',
  'wifi.security.ok': 'security {names}',
  'wifi.security.wpa3': 'it is WPA3-only and the {profile} cannot join WPA3 (SAE)',
  'wifi.security.wpa3.fix':
    'Set {ssid} to WPA2/WPA3 mixed (transition) mode, or add a WPA2-Personal SSID for the chargers.',
  'wifi.security.enterprise':
    'it needs an 802.1X/Enterprise login (user name or certificate), which the charger cannot do',
  'wifi.security.enterprise.fix':
    'Create a separate WPA2-Personal (pre-shared key) SSID for the chargers, ideally in its own VLAN.',
  'wifi.security.wep': 'it uses WEP, which is broken and not supported',
  'wifi.security.wep.fix': 'Switch {ssid} to WPA2-Personal (AES/CCMP).',
  'wifi.security.open': 'it is an open network; the charger needs a WPA2-Personal password',
  'wifi.security.open.fix':
    'Protect {ssid} with WPA2-Personal (AES/CCMP), or add such an SSID for the chargers.',
  'wifi.security.other': 'its security ({list}) is not one the charger supports',
  'wifi.security.other.fix': 'Use WPA2-Personal for {ssid}.',
  'wifi.hidden': "{ssid} is hidden (not broadcast): the charger's network scan does not list it",
  'wifi.hidden.fix': 'Make {ssid} visible (broadcast the SSID), at least while the chargers are set up.',
  'wifi.wide':
    '{ssid} uses {width} MHz on 2.4 GHz; this overlaps neighbouring channels and breaks the 1/6/11 plan',
  'wifi.wide.fix': 'Set the 2.4 GHz channel width of {ssid} to {max} MHz.',
  'wifi.congested':
    '{ssid}: channel {channel} is crowded (score {score}); channel {best} is clearer (score {bestScore})',
  'wifi.congested.fix':
    'Set a fixed channel {best} for {ssid} on 2.4 GHz (and keep automatic channel selection off).',
  'wifi.channel.notideal':
    'channel {channel} works, but 1, 6 or 11 (best here: {best}) avoid overlapping neighbours',
  'wifi.suitable': '{ssid}: 2.4 GHz channel {channel}, {signal}, {security}: suitable for the charger',
  'wifi.noverdict': '{ssid}: no verdict',
  'wifi.empty': 'the scan lists no networks',
  'wifi.empty.fix': 'Scan again with Wi-Fi switched on, close to where the chargers will hang.',
  'wifi.unread':
    'this looks like a {tool} scan in a language zapcheck does not read; {blocks} block(s) skipped',
  'wifi.unread.fix.file':
    'Send {file} to the zapcheck maintainers (open an issue and attach it) so its language can be read; meanwhile scan from a laptop set to English.',
  'wifi.unread.fix.save':
    'Save the scan with `{command}` and send {file} to the zapcheck maintainers (open an issue and attach it) so its language can be read.',
  'wifi.nodetails':
    '{tool} lists {n, plural, one {# network} other {# networks}} but without their BSSID details (channel, signal)',
  'wifi.nodetails.fix':
    'The Wi-Fi driver reports no channel or signal: open the Windows Wi-Fi menu once and scan again; if it stays so, update the Wi-Fi driver or scan from another laptop.',
  'wifi.notfound': '{ssid} is not in this scan ({n, plural, one {# network} other {# networks}} seen)',
  'wifi.notfound.hidden':
    '{ssid} is not in this scan ({n, plural, one {# network} other {# networks}} seen, {hidden} of them hidden)',
  'wifi.notfound.fix':
    'Check the network name (exact spelling, upper/lower case) and scan where the chargers will hang.',
  'wifi.notfound.hidden.fix':
    "If {ssid} is a hidden network, make it visible: the charger's scan does not list hidden networks either.",
  'wifi.notfound.off.fix': 'Make sure {ssid} is switched on and broadcast on 2.4 GHz.',
  'wifi.onlyhidden': 'the scan lists only hidden networks ({n})',
  'wifi.onlyhidden.fix': 'Name the site network with --ssid.',
  'wifi.choose':
    'not checked: name the site network (--ssid); {ok} of {total, plural, one {# visible network} other {# visible networks}} would suit the charger: {list}',
  'wifi.choose.none':
    'not checked: name the site network (--ssid); none of the {total} visible networks would suit the charger: {list}',
  'wifi.choose.fix': 'Run again with --ssid "<site network>" for a verdict on that network.',

  'wifi.term.scan': 'Scan: {format}{from}, {n, plural, one {# network} other {# networks}}',
  'wifi.term.scan.from': ' from {path}',
  'wifi.term.scan.none': 'Scan: not possible here ({reason})',
  'wifi.term.by.option': 'given with --ssid',
  'wifi.term.by.connected': 'the network this laptop is on',
  'wifi.term.by.all': 'all visible networks',
  'wifi.term.network': 'Network {ssid} ({by})',
  'wifi.term.networks': 'Networks ({by}):',
  'wifi.term.verdict': 'Verdict:',
  'wifi.term.chart':
    '2.4 GHz channels (networks per channel; > = target network, * = recommended for the charger):',
  'wifi.term.load': 'load {score}',
  'wifi.term.cannotuse': '(charger cannot use)',

  'dhcp.infinite': 'infinite',
  'dhcp.offer.address': 'offers {address}',
  'dhcp.offer.router': 'router {routers}',
  'dhcp.offer.norouter': 'no router',
  'dhcp.offer.lease': 'lease {lease}',
  'dhcp.offer.relay': '(via relay {from})',
  'dhcp.measured.sweep':
    'estimate: one datagram to each address of {range}, then the neighbour table ({source}); devices asleep or silent are not seen',
  'dhcp.measured.passive':
    'estimate, passive: the neighbour table ({source}) only lists devices this laptop talked to recently; devices asleep are not seen',
  'dhcp.note.sweep': 'sweep not done: {message}',
  'dhcp.note.neighbours': 'neighbour table not read: {message}',
  'dhcp.nooffer':
    'no DHCP server answered a DHCPDISCOVER on {iface} within {seconds, number, 1} s: the pool is exhausted or there is no DHCP server',
  'dhcp.nooffer.fix':
    'Make sure a DHCP server serves the network the chargers join ({network}) and that its pool has free addresses; shorten the lease time or enlarge the pool if it is full.',
  'dhcp.thisnetwork': 'this network',
  'dhcp.multiple':
    '{n} DHCP servers answered on {iface}: {offers}; a charger takes whichever answers first, and a second (rogue) server hands out a wrong gateway',
  'dhcp.multiple.fix':
    'Only one DHCP server may answer on this network: switch off the DHCP server of the extra router or access point (servers seen: {servers}), or enable DHCP snooping on the switches.',
  'dhcp.multiple.installer':
    'A second consumer router plugged in LAN-to-LAN is the usual cause: set it to access-point/bridge mode.',
  'dhcp.differs.router': 'router {routers} (this laptop uses {gateway})',
  'dhcp.differs.server': "server {server} (this laptop's lease is from {own})",
  'dhcp.differs': 'the DHCP server that answered offers a different {diffs}',
  'dhcp.differs.fix': 'Check which DHCP server is meant to serve this network; the offer was: {offer}.',
  'dhcp.note.dns':
    "the offer's DNS servers ({offered}) differ from this laptop's ({own}): the DNS checks used the laptop's",
  'dhcp.note.lease': "offered lease {offered}; this laptop's lease is {own}",
  'dhcp.note.probe': '--probe not done: {message}',
  'dhcp.note.probe.none': '--probe not done',
  'dhcp.unknown': 'unknown',
  'dhcp.static':
    "this laptop has a static address ({subnet} on {iface}), no DHCP lease, so the site's DHCP server was not seen",
  'dhcp.static.required': 'not checked: {what}; switch the laptop to DHCP or run `zapcheck dhcp --probe`',
  'dhcp.linklocal':
    'this laptop asked for an address by DHCP on {iface} and got none: it gave itself {address} (169.254/16), so no DHCP server answers',
  'dhcp.static.notrequired': '{what}; the profile does not require DHCP',
  'dhcp.static.installer':
    'Switch the laptop to DHCP (automatic address) on the network the chargers will use and run zapcheck again, or run `sudo zapcheck dhcp --probe` to ask the DHCP server directly.',
  'dhcp.static.it':
    'The chargers need a DHCP server on their network (IPv4, one address per charger); they cannot use a static address.',
  'dhcp.counts': 'about {free} of {size, plural, one {# address} other {# addresses}} free in {pool}',
  'dhcp.counts.subnet':
    'about {free} of {size, plural, one {# address} other {# addresses}} free in {pool} (the subnet {subnet}, minus network, broadcast, gateway and this laptop)',
  'dhcp.note.subnetpool':
    'the pool was taken to be the whole subnet; the DHCP server usually hands out only part of it: give --dhcp-range for a sharper estimate',
  'dhcp.pool.fix':
    'Enlarge the DHCP pool (currently {pool}) so that at least {n, plural, one {# address is} other {# addresses are}} free for the chargers, shorten the lease time, or reserve addresses for the chargers by MAC.',
  'dhcp.pool.short':
    'DHCP pool too small: {counts}; {chargers, plural, one {# charger needs} other {# chargers need}} {needed}',
  'dhcp.pool.tight':
    'DHCP pool tight: {counts}; {chargers, plural, one {# charger needs} other {# chargers need}} {needed}, with margin {comfortable}',
  'dhcp.pool.enough':
    '{counts}; enough for {chargers, plural, one {# charger} other {# chargers}} ({needed} needed, {comfortable} with margin)',
  'dhcp.note.chargers': 'give --chargers N to judge whether that is enough',
  'dhcp.note.shortlease':
    'short lease ({lease}) with the pool at least half used: devices that come and go keep addresses busy; a lease of several hours suits chargers',
  'dhcp.noaddress':
    'not tested: this laptop has no IPv4 address on a network with a gateway; connect it to the site network the chargers will use',
  'dhcp.noaddress.fix':
    'Connect the laptop to the network (Wi-Fi or cable) the chargers will join and run zapcheck again.',
  'dhcp.also': 'also {causes}',
  'dhcp.method.sweep': 'estimate from a sweep',
  'dhcp.method.passive': 'passive estimate',
  'dhcp.judge': 'give --chargers N to judge',
  'dhcp.noprobe': 'this run cannot read what DHCP gave this computer, so the address pool was not looked at',
  'dhcp.factsfailed': 'zapcheck could not read the network configuration: {message}',
  'dhcp.fmt.net': 'interface {iface}  address {subnet}  gateway {gateway}  addressing {addressing}',
  'dhcp.fmt.server': 'DHCP server {server}  lease {lease}  expires {expires}  DNS {dns}',
  'dhcp.fmt.pool':
    'pool {pool}: {size, plural, one {# address} other {# addresses}}, {inUse} seen in use, {free} free, {needed} needed ({method})',
  'dhcp.fmt.method.sweep': 'sweep',
  'dhcp.fmt.method.passive': 'passive',
  'dhcp.fmt.discover': 'DHCPDISCOVER: {n, plural, one {# offer} other {# offers}}',
  'dhcp.fmt.offer': 'server {server}: offers {address}, router {routers}, DNS {dns}, lease {lease} s',
  'dhcp.fmt.fix': 'fix ({who}): {text}',
  'dhcp.probe.notpermitted':
    '--probe needs root (Linux, macOS: run it with sudo) or an administrator prompt (Windows): UDP port {port} is privileged',

  'err.site.empty': 'the site name is empty',
  'err.site.long': 'the site name is longer than 120 characters',
  'err.lab.latency': '--lab-latency only applies with --lab',
  'cli.root.description':
    'Checks whether a site network will carry Zaptec EV chargers (Wi-Fi, DHCP, DNS, NTP, HTTPS, MQTT over TLS) and says in plain words what to ask the site IT to change.',
  'cli.root.lang': 'language of help, messages and reports (default: from LANG)',
  'cli.root.after':
    'Exit codes:\n  0  ready (warnings allowed)     1  not ready\n  2  usage or input error         3  internal error\n  130 interrupted (Ctrl-C)         143 terminated (SIGTERM)\n\nExamples:\n  zapcheck site --lab                      full run against the built-in simulated site\n  zapcheck site "Garage Nord" --json report.json\n  zapcheck site --lab tls-intercepted      a simulated fault\n  zapcheck lab --list                      the simulated faults',
  'cli.version.option': 'print the version',
  'cli.help.option': 'show help',
  'cli.help.command': 'display help for command',
  'cli.help.after': '(run with --help for usage)',
  'cli.help.usage': 'Usage:',
  'cli.help.options': 'Options:',
  'cli.help.commands': 'Commands:',
  'cli.help.arguments': 'Arguments:',
  'cli.help.globalOptions': 'Global Options:',
  'cli.help.usage.options': '[options]',
  'cli.help.usage.command': '[command]',
  'cli.help.default': 'default: {value}',
  'cli.help.choices': 'choices: {list}',
  'cli.err.unknownOption': "error: unknown option '{flag}'",
  'cli.err.unknownCommand': "error: unknown command '{name}'",
  'cli.err.missingArgument': "error: missing required argument '{name}'",
  'cli.err.optionArgument': "error: option '{flags}' argument missing",
  'cli.err.mandatory': "error: required option '{flags}' not specified",
  'cli.err.option': "option '{flags}'",
  'cli.err.conflict': 'error: {a} cannot be used with {b}',
  'cli.err.excess': 'error: too many arguments. Expected {expected} but got {got}.',
  'cli.err.excess.for': "error: too many arguments for '{name}'. Expected {expected} but got {got}.",
  'cli.err.choices': "error: option '{flags}' argument '{value}' is invalid. Allowed choices are {list}.",
  'cli.cmd.site':
    'check whether this site network will carry the chargers (run it on the network the chargers will use)',
  'cli.cmd.profiles': 'list the built-in charger profiles',
  'cli.cmd.lab':
    'the built-in simulated site: list its fault scenarios (run one with: zapcheck site --lab <scenario>)',
  'cli.cmd.wifi': 'is the Wi-Fi on 2.4 GHz channel 1-11, strong and clean enough? (R1)',
  'cli.cmd.survey': 'Wi-Fi signal at each charger position, kept with the site (R1)',
  'cli.cmd.dhcp': 'will there be a free DHCP address for every charger? (R2)',
  'cli.cmd.sites': 'list the sites (zapcheck.yaml and past runs) with their last verdict and date',
  'cli.cmd.history': 'list the saved runs of a site (or of every site), newest first',
  'cli.cmd.report':
    'render JSON reports as a printable handover (html), Markdown, JUnit XML or text; or diff two',
  'cli.cmd.allowlist':
    'print what the site IT must allow out for the chargers (hosts, ports, protocols, why)',
  'cli.completion.description':
    'print a shell completion script (commands, options, lab scenarios, profiles) for bash, zsh or PowerShell',
  'cli.completion.shell': 'bash, zsh or powershell',
  'cli.completion.after':
    'Load it:\n  bash        source <(zapcheck completion bash)\n  zsh         source <(zapcheck completion zsh)\n  PowerShell  zapcheck completion powershell | Out-String | Invoke-Expression',
  // Each command's, argument's and option's own description, and the text after its help
  // (help.<command>.description|arg.<name>|opt.<long option>|after).
  'help.site.after':
    "\nThe checks run the way a charger connects: IPv4 only, through the DNS server DHCP gave (or --dns-server),\nTLS validated against public roots only (never the OS store), no proxy. Nothing inbound is needed.\nEvery real run is kept as JSON in the history (zapcheck history --help); lab runs only with --reports-dir.\n--handover garage.pdf writes the printable handover of the run, the same document as\nzapcheck report <the run's JSON> -o garage.pdf. Without a browser to print the PDF it says so, writes no\nPDF, and the exit code still follows the verdict, with the JSON report and the history kept.\n\nExit codes: 0 ready (warnings allowed; --strict refuses them and checks not done), 1 not ready, 2 bad input, 3 internal error,\n130 interrupted (Ctrl-C), 143 terminated (SIGTERM).",
  'help.site.opt.handover':
    'also write the printable handover of this run; the extension picks the format: .pdf (needs Chrome, Chromium or Edge: without one no PDF is written, the exit code still follows the verdict and the JSON report is kept), .html or .md',
  'help.site.opt.only':
    'run only these kinds or check ids (comma list, e.g. dns,ntp), with what they need; the rest are "not run"',
  'help.site.opt.list-checks': 'list what a run checks (ids, titles, what each needs) and run nothing',
  'help.site.opt.no-history': 'do not keep this run in the history',
  'help.site.opt.reports-dir': 'keep this run’s JSON report here (default: the user data folder)',
  'help.site.opt.installer':
    'who hands the site over, "<name>, <company>": kept in the report, printed with signature lines',
  'help.site.opt.sites':
    'sites file with per-site chargers, ssid, profile, DHCP range (default: zapcheck.yaml here)',
  'help.site.opt.ascii': 'plain ASCII marks (for old Windows consoles)',
  'help.site.opt.lang': 'language of the report (default: from LANG)',
  'help.site.opt.dhcp-range': 'the DHCP pool, e.g. 192.168.1.100-192.168.1.199 or 192.168.1.0/24',
  'help.site.opt.chargers': 'number of chargers planned (0-10000)',
  'help.site.opt.scan-file': 'use a saved Wi-Fi scan instead of scanning',
  'help.site.opt.ssid': 'the Wi-Fi network the chargers will join',
  'help.site.opt.no-mqtt-connect':
    'do not send the MQTT CONNECT (random probe id, no credentials) to the hub: MQTT is then "not checked"',
  'help.site.opt.strict': 'warnings and checks that could not be done also make the site not ready (exit 1)',
  'help.site.opt.trust-roots':
    'validate public TLS chains against these roots instead of the bundled Mozilla roots',
  'help.site.opt.dns-server': 'ask this resolver instead of the one DHCP gave (repeatable)',
  'help.site.opt.json': 'also write the JSON report to a file, or - for stdout',
  'help.site.opt.profile': 'charger profile: a built-in id (zapcheck profiles) or a JSON/YAML file',
  'help.site.opt.lab':
    'run against the built-in simulated site (no internet needed); scenarios: zapcheck lab --list',
  'help.site.arg.name': 'site name for the report, sito in Italian runs (default: site)',
  'help.site.opt.lab-latency': 'delay every lab exchange by this many ms',
  'help.site.opt.deadline': 'the whole run ends within this time',
  'help.site.opt.quiet':
    'print only the verdict line (errors still go to stderr); the exit code says the rest',
  'help.site.opt.verbose': 'also print each check’s time, addresses and raw evidence',
  'help.dhcp.after':
    '\nExit codes: 0 enough addresses (warnings allowed), 1 not ready, 2 usage error, 3 internal error (as in site).\n\nExamples:\n  zapcheck dhcp --chargers 12\n  zapcheck dhcp --chargers 12 --dhcp-range 192.168.1.100-192.168.1.199 --sweep\n  sudo zapcheck dhcp --probe',
  'help.dhcp.opt.quiet': 'print only the verdict line; the exit code says the rest',
  'help.dhcp.opt.lang': 'language of the report (default: from LANG)',
  'help.dhcp.opt.json': 'write the report as JSON to a file, or - for stdout',
  'help.dhcp.opt.profile': 'charger profile (default: zaptec-pro)',
  'help.dhcp.opt.interface': 'network interface to check (default: the one with the IPv4 default route)',
  'help.dhcp.opt.probe':
    'broadcast a DHCPDISCOVER and list every server that offers an address (needs root/admin; no lease is taken)',
  'help.dhcp.opt.sweep':
    'send one small UDP datagram to each address of the range (at most a /22) before reading the neighbour table; corporate networks may alarm on it',
  'help.dhcp.opt.dhcp-range':
    'the DHCP pool, e.g. 192.168.1.100-192.168.1.199 or 192.168.1.0/24 (default: the subnet)',
  'help.dhcp.opt.chargers': 'number of chargers planned on this network',
  'help.dhcp.description':
    "DHCP headroom (R2): free addresses in the pool for the planned chargers, from this laptop's lease and\nneighbour table; --sweep to wake the neighbour table first, --probe to ask the DHCP servers (rogue detection)",
  'help.dhcp.opt.probe-window': 'how long --probe listens for offers',
  'help.wifi.after':
    '\nExamples:\n  zapcheck wifi --ssid "Garage"                 scan here, advise on that network\n  zapcheck wifi --scan-file scan.txt --json -   analyse a scan someone saved\n  zapcheck wifi --watch --ssid "Garage"         live meter while walking to the charger positions\n  zapcheck wifi --watch --scan-file saved/      replay a folder of saved scans, one sample each\n  nmcli -t device wifi list > scan.txt          how to save a scan on Linux (macOS: system_profiler\n                                                SPAirPortDataType; Windows: netsh wlan show networks mode=bssid)\n\nExit codes: 0 suitable (warnings allowed) or not checked, 1 not suitable, 2 usage error.',
  'help.wifi.opt.timeout': 'time limit for the scan',
  'help.wifi.opt.lang': 'language of the report (default: from LANG)',
  'help.wifi.opt.json': 'also write the JSON report to a file (- = stdout, then no terminal text)',
  'help.wifi.opt.profile': 'charger profile: zaptec-pro, zaptec-go or a .json/.yaml file',
  'help.wifi.opt.watch':
    'live meter: rescan every 1.5 s and show the signal (now, min, median) against the thresholds; Ctrl-C ends it',
  'help.wifi.opt.scan-file':
    'analyse a saved scan instead of scanning (output of nmcli, iw, iwlist, airport, system_profiler or netsh); with --watch repeatable, or a folder, replayed in order',
  'help.wifi.opt.ssid': 'the site network (default: the network this laptop is on, else all visible ones)',
  'help.wifi.description':
    'Check whether a Wi-Fi network will carry the charger: 2.4 GHz channel 1-11, signal here, security,\nhidden SSID, channel width and congestion on channels 1, 6 and 11.',
  'help.wifi.opt.quiet': 'print only the verdict line; the exit code says the rest',
  'help.survey.after':
    '\nExamples:\n  zapcheck survey "Garage Nord" --spot "Bay 1"       five samples here, a second apart; kept with the site\n  zapcheck survey "Garage Nord" --list               every spot, the newest reading of each\n  zapcheck survey "Garage Nord" --forget "Bay 1"     drop a spot\n  zapcheck survey "Garage Nord" --spot "Bay 2" --ssid Garage --scan-file saved/   replay saved scans\n\nExit codes: 0 the spot is fine (warnings allowed), 1 the signal there is not enough, 2 usage error or no\nreading possible.',
  'help.survey.opt.timeout': 'time limit for each scan',
  'help.survey.opt.no-history': 'do not keep this reading',
  'help.survey.opt.reports-dir': 'where the history (and the survey) is kept',
  'help.survey.opt.sites': 'sites file (default: zapcheck.yaml here)',
  'help.survey.opt.lang': 'language (default: from LANG)',
  'help.survey.opt.json': 'also write the reading (or with --list the spots) as JSON; - = stdout',
  'help.survey.opt.profile': 'charger profile: zaptec-pro, zaptec-go or a .json/.yaml file',
  'help.survey.opt.forget': 'remove every reading of one spot',
  'help.survey.opt.list': 'every spot of the site, the newest reading of each',
  'help.survey.opt.scan-file':
    'use saved scans instead of scanning, one per sample, in order (repeatable; a folder = its files by name)',
  'help.survey.opt.ssid': 'the site network (default: ssid: of the site in zapcheck.yaml)',
  'help.survey.opt.spot': 'the charger position here, e.g. "Bay 3"',
  'help.survey.arg.site': 'the site (its ssid comes from zapcheck.yaml when --ssid is not given)',
  'help.survey.description':
    "Take a few Wi-Fi samples where one charger will hang, judge that spot with the profile's signal thresholds (and the wifi check's other rules) and keep the reading with the site; the handover lists every spot.",
  'help.survey.opt.samples': 'samples to take, a second apart (default 5; with --scan-file: one per file)',
  'help.report.after':
    '\nExamples:\n  zapcheck report last "Garage Nord" --format html -o garage.html   printable one-page handover\n  zapcheck report last "Garage Nord" -o garage.pdf                  the same as PDF (headless Chromium)\n  zapcheck report report.json --format junit -o zapcheck.xml         for CI\n  zapcheck report old.json new.json --diff                           what a change fixed or broke\n\nWith --diff the exit code is 1 when a check regressed (it passed or warned before and now fails, errs,\nor can no longer be tested), else 0.\n\nEverything follows --lang, whatever language the run was in (reports of zapcheck 0.1.0 keep their\ncheck summaries in the language of the run).',
  'help.report.opt.profile': 'charger profile for the allow-list (default: the report’s)',
  'help.report.opt.reports-dir': 'where runs are kept, for "last" (default: the user data folder)',
  'help.report.opt.sites': 'the sites file for address, chargers, metered uplink (default: zapcheck.yaml)',
  'help.report.opt.lang': 'language of the report (default: from LANG)',
  'help.report.opt.installer':
    '"<name>, <company>" for the signature lines (default: the report’s, else the sites file’s)',
  'help.report.opt.diff': 'compare two reports (old, then new): fixed, regressed, unchanged',
  'help.report.opt.output': 'write to this file (atomically) instead of stdout',
  'help.report.opt.format':
    'output format (default: from the -o extension, else text); pdf needs Chrome, Chromium or Edge',
  'help.report.arg.reports': 'JSON report files, or: last ["site name"] for the latest saved run',
  'help.report.opt.chargers': 'chargers planned, for the data budget',
  'help.allowlist.after':
    '\nCSV opens in a spreadsheet: it starts with a byte-order mark, and with --lang it the cells are\nseparated by ";" (as Excel expects where decimals are written with a comma).\n\nOutbound only, allowed by host name (cloud addresses change); nothing inbound (NAT is fine);\nno TLS inspection and no proxy for these hosts.',
  'help.allowlist.opt.output': 'write to this file (atomically) instead of stdout',
  'help.allowlist.opt.lang': 'language (default: from LANG)',
  'help.allowlist.opt.format': 'output format (default: from the -o extension, else text)',
  'help.allowlist.opt.profile': 'charger profile: a built-in id or a JSON/YAML file',
  'help.sites.after':
    '\nA sites file (zapcheck.yaml; JSON Schema: schemas/sites.schema.json in the package):\n\n  sites:\n    Garage Nord:\n      address: Via Roma 1, Milano\n      chargers: 8\n      ssid: ZAPTEC-NET\n      profile: zaptec-pro\n      dhcpRange: 192.168.10.100-192.168.10.199\n      metered: true                 # 4G/LTE uplink: the report sizes the data plan\n      sessionsPerChargerPerDay: 2   # for the data budget (default 1)\n      notes: Router in the technical room, 2nd floor\n      installer: Mario Rossi, Elettro Srl   # on the handover, with signature lines\n\nzapcheck site "Garage Nord" then takes chargers, ssid, profile and dhcpRange from it (options win).\ndhcpRange is first-last, or a CIDR block (192.168.10.0/24: its host addresses).\n\nzapcheck sites --check reports, with file:line, a dhcpRange smaller than the chargers need, a profile\nthat does not exist or does not load, and a site name given twice; exit 0 when clean, 2 otherwise.\nEvery zapcheck site run does the same check first (warnings; a site\'s own broken profile is an error).',
  'help.sites.opt.lang': 'language (default: from LANG)',
  'help.sites.opt.format': 'output format',
  'help.sites.opt.check':
    'check the sites file: DHCP pools smaller than the chargers, unknown profiles, names given twice (exit 2 when any)',
  'help.sites.opt.reports-dir': 'where runs are kept (default: the user data folder)',
  'help.sites.opt.sites': 'the sites file (default: zapcheck.yaml in this folder)',
  'help.history.after':
    '\nEvery real run of zapcheck site is kept as JSON, one file per run, never overwritten:\n  Linux    $XDG_DATA_HOME/zapcheck (~/.local/share/zapcheck)\n  macOS    ~/Library/Application Support/zapcheck\n  Windows  %LOCALAPPDATA%\\zapcheck\n--reports-dir or ZAPCHECK_REPORTS_DIR choose another folder.',
  'help.history.opt.lang': 'language (default: from LANG)',
  'help.history.opt.format': 'output format',
  'help.history.opt.reports-dir': 'where runs are kept (default: the user data folder)',
  'help.history.arg.site': 'site name',
  'help.lab.opt.json': 'as JSON',
  'help.lab.opt.list': 'list the scenarios (default)',
  'help.profiles.opt.json': 'as JSON',
  'help.profiles.show.opt.json': 'as JSON',
  'help.profiles.show.arg.idpath': 'profile id or file',
  'help.profiles.show.description': 'print one profile (built-in id or file), as YAML or --json',
  // `zapcheck profiles` and `profiles show`; the built-in profiles' descriptions (English: src/profile/builtin.ts).
  'profiles.footer': 'zapcheck profiles show <id> prints one; --profile <file.json|file.yaml> uses your own.',
  'profiles.show.endpoints': 'Outbound endpoints:',
  'profiles.show.optional': '(optional)',
  'profile.zaptec-pro.description':
    'ZapCharger Pro (installation manual p. 57): 2.4 GHz Wi-Fi ch 1-11, DHCP, DNS, NTP, HTTPS 443, MQTT/TLS 8883.',
  'profile.zaptec-go.description':
    'Zaptec Go: the Pro endpoints plus the NTP servers of its firmware; IPv4 and DHCP only, no proxy, no 802.1X, WPA3-only networks unsupported.',
  'err.completion.shell': 'no completion for the shell "{shell}"',
  'err.completion.hint': 'shells: {shells}',
  'err.didyoumean': 'did you mean {names}?',
  'err.help.unknown': 'no such command: "{name}"',
  'err.help.unknown.hint': 'commands: {names}',
  'err.range': '{option}: "{value}" is out of range: give a number greater than 0 and at most {max}',
  'err.range.int': '{option}: "{value}" is out of range: give a whole number from 0 to {max}',
  'err.lab.unknown': 'unknown lab scenario "{name}"',
  'err.lab.unknown.hint': 'known scenarios: {names} (zapcheck lab --list)',
  'err.lab.dns': '--dns-server cannot be combined with --lab',
  'err.dnsserver': '--dns-server: "{value}" is not an IPv4 address with an optional port',
  'err.dnsserver.hint': 'example: --dns-server 192.168.1.1 or --dns-server 127.0.0.1:5353',
  'err.pem.parse': '{what}: {file} holds a certificate that cannot be parsed',
  'err.pem.none': '{what}: {file} holds no PEM certificate',
  'err.profile.unknown': 'unknown profile "{ref}"',
  'err.profile.unknown.hint': 'built-in profiles: {ids}; or give the path of a .json/.yaml file',
  // JSON and YAML syntax errors in plain words, with file:line:column (src/core/syntax-errors.ts).
  'err.syntax': '{file}:{line}:{column}: the {format} is not valid here: {problem}',
  'syntax.yaml.unclosed': 'a "{char}" is missing: a list or map opened with [ or { is not closed',
  'syntax.yaml.quote': 'a closing quote is missing',
  'syntax.yaml.missing': 'a character is missing here (a quote, a comma or a colon)',
  'syntax.yaml.tab': 'a tab is used to indent: YAML indents with spaces only',
  'syntax.yaml.twokeys':
    'two "key:" on one line, or a key over two lines: one key per line, and quote a value that contains ": "',
  'syntax.yaml.duplicate': 'this key is given twice in the same section',
  'syntax.yaml.unexpected': 'this is not expected here (check the indentation and the brackets above)',
  'syntax.yaml.escape': 'a bad \\ escape inside "double quotes": use single quotes, or write \\\\',
  'syntax.yaml.longkey': 'a key longer than 1024 characters',
  'syntax.yaml.documents': 'more than one document (a "---" line in the middle of the file)',
  'syntax.yaml.indent': 'the indentation is wrong: the keys of one section must start at the same column',
  'syntax.yaml.start': 'a value cannot start with {char}: put it in quotes',
  'syntax.yaml.aliases': 'too many aliases (*name): the file would expand to too much data',
  'syntax.yaml.other': 'the YAML cannot be read here (check the indentation, the quotes and the brackets)',
  'syntax.json.end': 'the file ends before the JSON is complete (a bracket, brace or quote is not closed)',
  'syntax.json.expected': 'expected {expected}, found {found}',
  'syntax.json.name': 'a field name in "double quotes"',
  'syntax.json.colon': '":" after the field name',
  'syntax.json.commaOrBrace': '"," or "}"',
  'syntax.json.commaOrBracket': '"," or "]"',
  'syntax.json.value': 'a value (text in "double quotes", a number, true, false, null, [ or {)',
  'syntax.json.eof': 'the end of the file',
  'syntax.json.trailing': 'a comma before the closing bracket: JSON allows none after the last item',
  'syntax.json.single': 'text in JSON needs "double quotes", not \'single\' ones',
  'syntax.json.string': 'a bad \\ escape or a line break inside "double quotes"',
  'err.profile.invalid': 'invalid profile {source}:\n{errors}',
  'err.ssid': '--ssid: a Wi-Fi network name is 1 to 32 bytes long',
  'err.timeout': '--timeout: "{value}" is not a number of milliseconds between 100 and 600000',
  'err.scanfile.bad': '--scan-file: {message}',
  'err.scanfile.bad.hint':
    'supported: nmcli -t / table, iw scan, iwlist scan, airport -s/-I, system_profiler (text or -json), netsh wlan show networks mode=bssid / interfaces',
  'err.chargers': '--chargers {value} is not a number of chargers',
  'err.chargers.hint': 'give a whole number from 0 to {max}, e.g. --chargers 12',
  'err.sweep.large': '--sweep covers at most {max} addresses (a /22); {range} has {n}',
  'err.sweep.large.hint': 'give the part of the range the DHCP server really hands out',
  'err.interface': '--interface {value} is not an interface name',
  'err.probewindow': '--probe-window {value}: give milliseconds between 500 and 20000',
  'err.probe.root': '--probe needs root: it listens on UDP port 68, where DHCP servers answer',
  'err.probe.root.hint':
    'run it as: sudo npx zapcheck dhcp --probe (on Windows, from an administrator prompt)',
  'err.range.form': '--dhcp-range {value} is not a range',
  'err.range.ipv4': '--dhcp-range {value}: not IPv4 addresses',
  'err.range.order': '--dhcp-range {value}: the last address comes before the first',
  'err.range.large': '--dhcp-range {value} is larger than a /16',
  'err.range.hint':
    'write it as first-last or as a CIDR block, e.g. --dhcp-range 192.168.1.100-192.168.1.199 or --dhcp-range 192.168.1.0/24',
  'input.what.profile': 'profile file',
  'input.what.sites': 'sites file',
  'input.what.scan': '--scan-file',
  'input.what.pem': 'PEM file',
  'input.what.report': 'report',
  'input.what.history': 'history file',
  'input.type.fifo': 'a FIFO (named pipe)',
  'input.type.socket': 'a socket',
  'input.type.device': 'a device',
  'err.input.empty': '{what}: the file name is empty',
  'err.input.notfound': '{what} {file} not found',
  'err.input.denied': '{what} {file}: permission denied',
  'err.input.loop': '{what} {file}: too many symbolic links (a link loop)',
  'err.input.open': 'cannot read {what} {file} ({code})',
  'err.input.dir': '{what} {file} is a folder, not a file',
  'err.input.special': '{what} {file} is {type}, not a regular file',
  'err.input.special.hint': 'save the content to a file first, then give that file',
  'err.input.large': '{what} {file} is {size}; the limit is {limit}',
  'err.input.binary': '{what} {file} is not a text file',
  'err.input.deep': '{what} {file} nests more than {limit} levels deep',
  'err.output.empty': '{option}: the file name is empty',
  'err.output.dir': '{option} {file} is a folder; give a file name',
  'err.output.nodir': '{option} {file}: the folder {dir} does not exist',
  'err.output.notdir': '{option} {file}: {dir} is not a folder',
  'err.output.denied': '{option} {file}: the folder {dir} is not writable',
  'err.output.write': '{option}: could not write {file} ({code})',
  'err.output.write.hint': 'the report above is complete; only this file is missing',
  'err.reportsdir.notdir': '--reports-dir {dir}: {path} is not a folder',
  'err.reportsdir.create': '--reports-dir {dir}: cannot create the folder ({code})',
  'err.reportsdir.denied': '--reports-dir {dir} is not writable',
  'err.option.empty': '{option}: an empty value is not allowed',
  'err.interface.unknown': '--interface {value}: this computer has no such network interface',
  'err.interface.unknown.hint': 'interfaces here: {names}',
  'err.watchdog': 'zapcheck: not finished {seconds} s after the start (--deadline plus 1 s): stopping now',
  'err.signal.second': 'zapcheck: second {signal}: stopping now with what is there',
  'pem.what.profile': 'profile trust for {host}',
  'err.scanfile.read': '--scan-file: cannot read {file}',
  // ---- the handover: installer, signatures, chart labels, PDF (issue 13, item 7) ----
  'report.wifi.pass': '{dbm} dBm: good',
  'report.wifi.fail': '{dbm} dBm: drops out below',
  'report.installer': 'Installer',
  'report.signoff.heading': 'Handover',
  'report.signoff.installer': 'Installer',
  'report.signoff.it': 'Site IT',
  'report.signoff.signature': 'Signature',
  'report.signoff.date': 'Date',
  'report.signoff.checked': 'network checked {date}',
  'err.installer.long': '--installer: at most {max} characters',
  'err.installer.empty': '--installer: give a name',
  'err.installer.hint': 'for example --installer "Mario Rossi, Elettro Srl" (name, then company)',
  'err.pdf.output': '--format pdf writes a file: give -o <file>.pdf',
  'err.pdf.nobrowser': 'cannot make a PDF: no Chrome, Chromium or Edge found on this computer',
  'err.pdf.failed': 'cannot make a PDF: the browser {browser} failed ({message})',
  'err.pdf.hint':
    'use --format html -o handover.html, open it in a browser and print it (or save it as PDF); or install Chromium, or set CHROME_PATH to the browser',
  // ---- site --handover <file> ----
  'err.handover.format':
    '--handover: "{file}" does not end in .pdf, .html or .md (the format follows the extension)',
  'err.handover.format.hint': 'for example --handover handover.pdf (or handover.html, handover.md)',
  'site.handover.saved': 'Handover written: {file}',
  'site.handover.nobrowser':
    'Handover {file} not written: no Chrome, Chromium or Edge was found on this computer to print the PDF. The check itself is complete and its report is kept.',
  'site.handover.failed':
    'Handover {file} not written: the browser {browser} could not print the PDF ({message}). The check itself is complete and its report is kept.',
  'site.handover.hint':
    'use --handover handover.html and print it from a browser; or install Chromium (or set CHROME_PATH) and make the PDF from the saved report: zapcheck report <report.json> -o {file}',
  // ---- words (issue 13): file errors in plain words, for the profile and sites files ----
  'schema.top': '(top level)',
  'schema.or': '{a} or {b}',
  'schema.type.integer': 'a whole number',
  'schema.type.number': 'a number',
  'schema.type.string': 'text',
  'schema.type.boolean': 'true or false',
  'schema.type.array': 'a list',
  'schema.type.object': 'a set of fields',
  'schema.type.null': 'empty',
  'schema.type': '{value} is not {type}',
  'schema.enum': '{value} is not allowed; allowed: {allowed}',
  'schema.const': '{value} is not allowed; the only value allowed is {allowed}',
  'schema.between': '{value} is out of range: allowed from {min} to {max}',
  'schema.min': '{value} is too small: at least {limit}',
  'schema.max': '{value} is too large: at most {limit}',
  'schema.empty': 'must not be empty',
  'schema.short': '{value} is too short: at least {limit} characters',
  'schema.long': 'is {n} characters long: at most {limit} allowed',
  'schema.items.empty': 'the list must not be empty',
  'schema.items.few': 'the list needs at least {limit} entries',
  'schema.items.many': 'the list has {n} entries: at most {limit} allowed',
  'schema.items.twice': '{value} is in the list twice',
  'schema.form': '{value} is not in the expected form',
  'schema.invalid': '{value} is not valid here',
  'schema.unknown': 'unknown field "{name}"',
  'schema.unknown.known': 'unknown field "{name}"; the fields here are: {known}',
  'schema.required': 'the field "{name}" is missing',
  'profile.help.id':
    '{value} is not a valid profile id: lower-case letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters',
  'profile.help.host':
    '{value} is not a valid DNS name: labels of letters, digits and "-" joined by single dots, e.g. api.zaptec.com',
  'profile.help.trust':
    '{value} is not a trust: write public, private, {pem: <file of root certificates>} or {issuer: <issuer name>}',
  'profile.help.path': '{value} is not a URL path: it starts with "/", e.g. /health',
  'profile.extends': '{value} is not a built-in profile; built-in profiles: {ids}',
  'profile.twice': '{key} is listed twice (already as {first})',
  'profile.rssi':
    'failDbm {fail} is above passDbm {pass}: the fail level is the weaker signal (e.g. passDbm -67, failDbm -74)',
  'profile.channels': '{bad}. This list is the 2.4 GHz channels the charger may use: 1 to 13',
  'profile.channel.14': 'channel 14 is not allowed (Japan only, 802.11b only)',
  'profile.channel.5ghz': '{channel} is a 5 GHz channel',
  'profile.channel.6ghz': '{channel} is a 6 GHz channel',
  'profile.channel.none': '{channel} is not a Wi-Fi channel',
  'profile.more': '{n, plural, one {# more problem} other {# more problems}} not shown',
  'sites.help.dhcpRange':
    '{value} is not a DHCP pool: write first-last (192.168.10.100-192.168.10.199) or a CIDR block (192.168.10.0/24)',
  'sites.help.name': '{value} is not a site name: 1 to 120 characters, no control characters',
  'sites.range.form':
    '{value} is not a DHCP pool: write first-last (192.168.10.100-192.168.10.199) or a CIDR block (192.168.10.0/24)',
  'sites.range.ipv4':
    '{value} is not made of IPv4 addresses (four numbers from 0 to 255; a prefix of at most /32)',
  'sites.range.order': '{value}: the last address comes before the first',
  'sites.range.large':
    '{value} is larger than a /16 (65,536 addresses): give the pool the DHCP server really hands out',
  'err.sites.twice': '{file}:{line}: "{key}" is given twice here (first at line {first})',
  'sites.duplicate':
    '{site}: this site name is given twice (first at line {first}); a run uses this later entry',
  'sites.duplicate.case':
    '{site}: differs from "{other}" (line {first}) only in capitals, accents or spaces; zapcheck site finds both as one site',
  'sites.profile': '{site}: profile: {message}',
  'sites.pool.small':
    '{site}: the DHCP pool {range} has {size, plural, one {# address} other {# addresses}}, too few for {chargers, plural, one {# charger} other {# chargers}} (they need {needed})',
  'sites.problem': '{file}:{line}: {message}',
  'sites.problem.warning': '{file}:{line}: warning: {message}',
  'sites.check.ok': '{file}: {n, plural, one {# site} other {# sites}}, no problems',
  'sites.check.problems':
    '{file}: {n, plural, one {# problem} other {# problems}} in {sites, plural, one {# site} other {# sites}}',
  'sites.check.nofile': 'no sites file: {file} is not in this folder; give one with --sites <file>',
  'sites.others':
    '{file}: {n, plural, one {# problem} other {# problems}} in other sites; zapcheck sites --check lists them',
  // ---- words (issue 13): network notes, address ranges, addressing, the default site name ----
  'net.note.platform': 'zapcheck cannot read the network configuration on {platform}',
  'net.note.noroute.iface': 'no IPv4 default route on {iface}',
  'net.note.noroute':
    'this laptop has no IPv4 default route: it is not connected to a network with a gateway',
  'net.note.routes': 'could not read the routing table: {message}',
  'net.note.dhcp.nolease':
    'the address on {iface} was set by a DHCP client (kernel lifetime / route protocol) but no lease file was found: server and lease times unknown',
  'net.note.static': '{address} on {iface} has no lease and no lifetime: a static address',
  'net.note.static.nm':
    '{address} on {iface} has no lease and no lifetime: a static address (NetworkManager manual method)',
  'net.note.static.mac':
    '{iface} holds no DHCP packet (ipconfig getpacket {iface} is empty): a static address',
  'net.note.ipconfig': 'could not run ipconfig /all: {message}',
  'net.note.nogateway': 'no adapter with an IPv4 default gateway in ipconfig /all',
  'net.note.static.win': '"{name}" has DHCP disabled: a static address',
  'dns.range.unspecified': 'unspecified',
  'dns.range.loopback': 'loopback',
  'dns.range.private': 'private',
  'dns.range.carrierGradeNat': 'carrier-grade NAT',
  'dns.range.linkLocal': 'link-local',
  'dns.range.broadcast': 'broadcast',
  'dhcp.addressing.dhcp': 'DHCP',
  'dhcp.addressing.static': 'static',
  'dhcp.addressing.unknown': 'unknown',
  'site.default': 'site',
  'unit.ms': '{x} ms',
  'unit.s': '{x, number} s',
  'unit.s.1': '{x, number, 1} s',
  'unit.min': '{x, number} min',
  'unit.min.1': '{x, number, 1} min',
  'unit.h': '{x, number} h',
  'unit.d': '{x, number} d',
  'unit.mb': '{x, number} MB',
  'unit.gb': '{x, number} GB',
  'text.capital': '{text, capital}',
  'dhcp.summary.also': '{main}; {also}',
  'dhcp.summary.method': '{main} ({method})',
  'dhcp.summary.judge': '{main}; {judge}',
  'wifi.security.bad': '{ssid}: {reason}',
} as const;

export type MessageKey = keyof typeof en;

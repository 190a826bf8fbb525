#!/usr/bin/env bash
# Records real Apache httpd logs for test/fixtures/logs/apache/: httpd on 127.0.0.1 with a throwaway
# config (event MPM), reverse-proxying /api/ to a port where nothing listens (111 Connection refused,
# 503), plus 200, 404 and a malformed request. Access logs in the stock "combined" and
# "vhost_combined" formats; the error log at LogLevel info. Stopped by its own pid file.
# Needs apache2 (apt-get install apache2) and curl. Run from the repo root: bash scripts/record/apache.sh
set -euo pipefail
out=$(realpath -m "${1:-test/fixtures/logs/apache}")
port=${APACHE_RECORD_PORT:-18483}
dead_port=${APACHE_RECORD_DEAD_PORT:-18484}
mods=/usr/lib/apache2/modules
work=$(mktemp -d)
stop() {
  if [ -s "$work/httpd.pid" ]; then kill -TERM "$(cat "$work/httpd.pid")" 2>/dev/null || true; fi
  for _ in $(seq 1 50); do [ -e "$work/httpd.pid" ] || break; sleep 0.1; done
  rm -rf "$work"
}
trap stop EXIT
mkdir -p "$out" "$work/logs" "$work/htdocs"
echo ok > "$work/htdocs/index.html"
chmod -R a+rX "$work"
cat > "$work/httpd.conf" <<CONF
ServerRoot $work
ServerName localhost
Listen 127.0.0.1:$port
PidFile $work/httpd.pid
DefaultRuntimeDir $work
LoadModule mpm_event_module $mods/mod_mpm_event.so
LoadModule authz_core_module $mods/mod_authz_core.so
LoadModule dir_module $mods/mod_dir.so
LoadModule mime_module $mods/mod_mime.so
TypesConfig /etc/mime.types
LoadModule proxy_module $mods/mod_proxy.so
LoadModule proxy_http_module $mods/mod_proxy_http.so
User www-data
Group www-data
DocumentRoot $work/htdocs
<Directory $work/htdocs>
  Require all granted
</Directory>
ErrorLog $work/logs/error.log
LogLevel info
LogFormat "%h %l %u %t \"%r\" %>s %O \"%{Referer}i\" \"%{User-Agent}i\"" combined
LogFormat "%v:%p %h %l %u %t \"%r\" %>s %O \"%{Referer}i\" \"%{User-Agent}i\"" vhost_combined
CustomLog $work/logs/access.log combined
CustomLog $work/logs/other_vhosts_access.log vhost_combined
ProxyPass /api/ http://127.0.0.1:$dead_port/
CONF
apache2 -f "$work/httpd.conf" -t
apache2 -f "$work/httpd.conf" -k start
for _ in $(seq 1 50); do [ -s "$work/httpd.pid" ] && break; sleep 0.1; done
base=http://127.0.0.1:$port
curl -s -o /dev/null -A 'curl/8' "$base/"
curl -s -o /dev/null -A 'curl/8' "$base/missing.html"
curl -s -o /dev/null -A 'curl/8' -e "$base/" "$base/api/orders?id=7"
curl -s -o /dev/null -A 'Mozilla/5.0 (X11; Linux x86_64) "quoted"' -X POST -d 'x=1' "$base/api/pay"
printf 'BLAH\r\n\r\n' | timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$port; cat >&3; cat <&3 >/dev/null" || true
sleep 0.5
kill -TERM "$(cat "$work/httpd.pid")"
for _ in $(seq 1 50); do [ -e "$work/httpd.pid" ] || break; sleep 0.1; done
cp "$work/logs/error.log" "$work/logs/access.log" "$work/logs/other_vhosts_access.log" "$out/"
echo "recorded into $out"

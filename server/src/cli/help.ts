/** The --help text; docs/cli.md has the long form. */
export const HELP = `Usage: zonelint [options] FILE_OR_DIR...

Lint DNS zone files (BIND master file format). All files given are checked as one
workspace, so a forward zone and its reverse zone are checked against each other.
Directories are searched for *.zone, *.dns, db.*, *.rev, *.arpa and files that start
like a zone ($ORIGIN, $TTL or an SOA record); node_modules and dot-directories are skipped.

Options:
  -f, --format text|json|sarif   output format (default: text)
      --origin NAME              origin of the zone (only with a single file); default:
                                 $ORIGIN, else an absolute SOA owner, else the file name
      --rule ID=LEVEL            set a rule's severity: off, error, warning, information,
                                 hint (repeatable)
      --fix                      apply the automatic fixes in place, then report what is left
  -q, --quiet                    report errors only
      --max-warnings N           exit with 1 when there are more than N warnings
      --allow-include-outside    let $INCLUDE read files outside the given directories
      --export-json              print the zone as dns-zonefile JSON (single file)
      --import-json FILE         print zone text generated from dns-zonefile JSON
      --live                     also check the mail servers over the network (reverse DNS,
                                 SMTP greeting, STARTTLS); see docs/live-checks.md
      --resolver ADDR[:PORT]     DNS server for --live (default: the system's)
      --smtp-port N              SMTP port for --live (default: 25)
      --smtp-timeout MS          time limit per step for --live (default: 5000)
  -h, --help                     show this help
  -v, --version                  show the version

Exit codes: 0 no errors, 1 errors found (or too many warnings), 2 usage or file error.
`;

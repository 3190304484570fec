package io.wfdr.restore.windows;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The PowerShell scripts of the guide's Windows steps (stop the iProcess services, repoint and test the TFLOWF System
 * DSN, start the services). Every value is a single-quoted literal ({@link PowerShell#literal}); every script stops at
 * its first error ({@code $ErrorActionPreference = 'Stop'}) and prints one JSON reply that {@link WindowsReplies}
 * reads. A script's first line names it ({@code # wfdr:stop-services}), so a transcript shows what ran.
 * <p>
 * Services are stopped without {@code -Force}: a listed service that a running service outside the list depends on
 * is refused before anything is stopped, because forcing it would silently stop a service the runbook will not start
 * again. Dependents within the list are stopped first (and started last).
 * <p>
 * A DSN is changed through {@code Set-OdbcDsn} with the registry value names that the classic "SQL Server" driver
 * and its successors (Native Client, "ODBC Driver 17/18 for SQL Server") all read: {@code Server}, {@code Database},
 * and {@code LastUser}, the login the ODBC administrator fills in. Its 32-bit variant is changed and tested from
 * SysWOW64's PowerShell, the only one whose ODBC sees the 32-bit DSNs of a 64-bit machine.
 */
public final class WindowsScripts {

    public static final String PLATFORM_32 = "32-bit";
    public static final String PLATFORM_64 = "64-bit";

    /** Beyond a wait for services: starting PowerShell and loading its modules, which can take long on a cold host. */
    static final Duration STARTUP = Duration.ofSeconds(60);
    static final Duration DSN_TIMEOUT = Duration.ofMinutes(2);

    /** What ODBC's SQLValidDSN refuses in a DSN name; it also keeps wildcards out of Get-OdbcDsn's -Name. */
    private static final String DSN_FORBIDDEN = "[]{}(),;?*=!@\\";
    /** What would change the meaning of a "key=value" DSN property or an ODBC connection string. */
    private static final String PROPERTY_FORBIDDEN = ";{}=";

    private static final String PROLOGUE = """
            $ErrorActionPreference = 'Stop'
            $ProgressPreference = 'SilentlyContinue'
            $WarningPreference = 'SilentlyContinue'
            function Write-Reply($value) {
              $json = ConvertTo-Json -InputObject $value -Compress -Depth 4
              [regex]::Replace($json, '[^\\x00-\\x7F]', { param($m) '\\u{0:x4}' -f [int][char]$m.Value })
            }
            trap { Write-Reply ([pscustomobject]@{ error = $_.Exception.Message }); exit 1 }
            """;

    private static final String STATES = """
            function Get-States($names, $services) {
              foreach ($name in $names) {
                $service = @($services | Where-Object { $_.Name -eq $name })[0]
                if ($service) {
                  $service.Refresh()
                  [pscustomobject]@{ name = $service.Name; status = [string]$service.Status }
                } else {
                  [pscustomobject]@{ name = $name; status = 'Missing' }
                }
              }
            }
            function Get-Listed($names) { @(Get-Service | Where-Object { $names -contains $_.Name }) }
            function Get-ListedDependents($service, $names) {
              @($service.DependentServices | Where-Object { $names -contains $_.Name }).Count
            }
            """;

    private static final String STOP = """
            $services = Get-Listed $names
            $outside = @(foreach ($s in $services) { foreach ($d in $s.DependentServices) {
              if ($d.Status -ne 'Stopped' -and $names -notcontains $d.Name) { $d.Name + ' needs ' + $s.Name }
            } })
            if ($outside.Count -gt 0) {
              throw ('nothing stopped: services outside the list depend on listed ones: ' + ($outside -join ', '))
            }
            $ordered = @($services | Sort-Object { Get-ListedDependents $_ $names })
            foreach ($service in $ordered) {
              if ($service.Status -ne 'Stopped' -and $service.Status -ne 'StopPending') { $service.Stop() }
              while ($service.Status -ne 'Stopped' -and [DateTime]::UtcNow -lt $deadline) {
                Start-Sleep -Milliseconds 250
                $service.Refresh()
              }
              if ($service.Status -ne 'Stopped') { break }
            }
            Write-Reply @(Get-States $names $services)
            """;

    private static final String START = """
            $services = Get-Listed $names
            $ordered = @($services | Sort-Object -Descending { Get-ListedDependents $_ $names })
            foreach ($service in $ordered) {
              if ($service.Status -eq 'Stopped') { $service.Start() }
              while ($service.Status -ne 'Running' -and [DateTime]::UtcNow -lt $deadline) {
                Start-Sleep -Milliseconds 250
                $service.Refresh()
              }
              if ($service.Status -ne 'Running') { break }
            }
            Write-Reply @(Get-States $names $services)
            """;

    private static final String DSN = """
            function Read-Dsn($name, $platform) {
              try { Get-OdbcDsn -Name $name -DsnType 'System' -Platform $platform }
              catch { if ($_.CategoryInfo.Category -ne 'ObjectNotFound') { throw } }
            }
            function ConvertTo-DsnReply($dsn, $name, $platform) {
              if (-not $dsn) { return [pscustomobject]@{ name = $name; platform = $platform; missing = $true } }
              [pscustomobject]@{ name = $dsn.Name; platform = $dsn.Platform; driver = $dsn.DriverName;
                server = $dsn.Attribute['Server']; database = $dsn.Attribute['Database'];
                login = $dsn.Attribute['LastUser'] }
            }
            """;

    private static final String POINT = """
            $dsn = Read-Dsn $name $platform
            if ($dsn) {
              if ($dsn.DriverName -notmatch 'SQL Server') {
                throw ('not changed: the DSN ' + $name + ' uses ' + $dsn.DriverName + ', not a SQL Server driver')
              }
              Set-OdbcDsn -Name $name -DsnType 'System' -Platform $platform -SetPropertyValue $properties
              $dsn = Read-Dsn $name $platform
            }
            Write-Reply (ConvertTo-DsnReply $dsn $name $platform)
            """;

    // Standard input is read as UTF-8 bytes: [Console]::In would decode it with the console's OEM code page and
    // alter a password with non-ASCII characters. The connection string builder braces whatever the password holds.
    private static final String TEST = """
            $stdinStream = [Console]::OpenStandardInput()
            $stdin = New-Object System.IO.StreamReader -ArgumentList $stdinStream, ([System.Text.Encoding]::UTF8)
            $builder = New-Object System.Data.Odbc.OdbcConnectionStringBuilder
            $builder['DSN'] = $name
            $builder['UID'] = $login
            $builder['PWD'] = $stdin.ReadLine()
            $connection = New-Object System.Data.Odbc.OdbcConnection
            $connection.ConnectionString = $builder.ConnectionString
            try {
              $connection.Open()
              $command = $connection.CreateCommand()
              $command.CommandText = 'SELECT @@SERVERNAME, DB_NAME()'
              $row = $command.ExecuteReader()
              $null = $row.Read()
              $reply = [pscustomobject]@{ connected = $true; server = [string]$row.GetValue(0);
                database = [string]$row.GetValue(1); odbcError = $null }
            } catch {
              $reply = [pscustomobject]@{ connected = $false; server = $null; database = $null;
                odbcError = $_.Exception.GetBaseException().Message }
            } finally {
              $connection.Dispose()
            }
            Write-Reply $reply
            """;

    private WindowsScripts() {
    }

    public static PowerShellScript serviceStates(List<String> names) {
        String text = script("service-states", STATES,
                names(names) + "Write-Reply @(Get-States $names (Get-Listed $names))\n");
        return new PowerShellScript("read the state of " + join(names), text, null, false, STARTUP);
    }

    /** Stops each listed service that is not stopped and waits, up to the timeout, until every one is Stopped. */
    public static PowerShellScript stopServices(List<String> names, Duration timeout) {
        String text = script("stop-services", STATES, names(names) + deadline(timeout) + STOP);
        return new PowerShellScript("stop " + join(names), text, null, false, timeout.plus(STARTUP));
    }

    /** Starts each listed service that is stopped and waits, up to the timeout, until every one is Running. */
    public static PowerShellScript startServices(List<String> names, Duration timeout) {
        String text = script("start-services", STATES, names(names) + deadline(timeout) + START);
        return new PowerShellScript("start " + join(names), text, null, false, timeout.plus(STARTUP));
    }

    public static PowerShellScript readDsn(String name, String platform) {
        String text = script("read-dsn", DSN, dsn(name, platform)
                + "Write-Reply (ConvertTo-DsnReply (Read-Dsn $name $platform) $name $platform)\n");
        return new PowerShellScript("read the " + platform + " System DSN " + name, text, null, x86(platform),
                DSN_TIMEOUT);
    }

    /** Points the DSN at another server and database, with the login the DSN names; replies what is now stored. */
    public static PowerShellScript pointDsn(String name, String platform, String server, String database,
            String login) {
        String properties = "$properties = @(" + property("Server", server) + ", " + property("Database", database)
                + ", " + property("LastUser", login) + ")\n";
        String text = script("point-dsn", DSN, dsn(name, platform) + properties + POINT);
        return new PowerShellScript("point the " + platform + " System DSN " + name + " at " + server + "/"
                + database, text, null, x86(platform), DSN_TIMEOUT);
    }

    /**
     * Connects through the DSN as the login, in PowerShell of the DSN's bitness; the password goes to standard
     * input only, never into the script or its command line.
     */
    public static PowerShellScript testDsn(String name, String platform, String login, String password) {
        checkValue("login", login);
        if (password == null || password.indexOf('\n') >= 0 || password.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("the password of " + login
                    + " must be given and cannot contain a line break (it is read as one line)");
        }
        String text = script("test-dsn", "", dsn(name, platform) + "$login = " + PowerShell.literal(login) + "\n"
                + TEST);
        return new PowerShellScript("test the " + platform + " System DSN " + name + " as " + login, text,
                password + "\n", x86(platform), DSN_TIMEOUT);
    }

    /** The script as an operator reviews it before it runs: which PowerShell, what it reads, how long, its text. */
    public static String scriptOnly(PowerShellScript script) {
        String bits = script.x86() ? "32-bit" : "64-bit";
        String stdin = script.stdin() == null ? "" : "# standard input: a secret, not shown\n";
        return "# " + script.purpose() + "\n"
                + "# runs in: " + PowerShellCommand.executable(script) + " (" + bits + " PowerShell)\n"
                + stdin
                + "# time limit: " + script.timeout().toSeconds() + " s\n"
                + script.text();
    }

    private static String script(String kind, String functions, String body) {
        return "# wfdr:" + kind + "\n" + PROLOGUE + functions + body;
    }

    private static String names(List<String> names) {
        if (names == null || names.isEmpty()) {
            throw new IllegalArgumentException("no service names");
        }
        for (String name : names) {
            if (name == null || name.isBlank() || name.indexOf('/') >= 0 || name.indexOf('\\') >= 0) {
                throw new IllegalArgumentException("not a Windows service name: " + name);
            }
        }
        return "$names = @(" + names.stream().map(PowerShell::literal).collect(Collectors.joining(", ")) + ")\n";
    }

    private static String deadline(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("a wait for services needs a positive timeout");
        }
        return "$deadline = [DateTime]::UtcNow.AddSeconds(" + Math.max(1, timeout.toSeconds()) + ")\n";
    }

    private static String dsn(String name, String platform) {
        if (name == null || name.isBlank() || name.length() > 32
                || name.chars().anyMatch(c -> DSN_FORBIDDEN.indexOf(c) >= 0)) {
            throw new IllegalArgumentException("not an ODBC DSN name (at most 32 characters, none of "
                    + DSN_FORBIDDEN + "): " + name);
        }
        x86(platform);
        return "$name = " + PowerShell.literal(name) + "\n$platform = " + PowerShell.literal(platform) + "\n";
    }

    private static boolean x86(String platform) {
        if (!PLATFORM_32.equals(platform) && !PLATFORM_64.equals(platform)) {
            throw new IllegalArgumentException("an ODBC platform is " + PLATFORM_32 + " or " + PLATFORM_64);
        }
        return PLATFORM_32.equals(platform);
    }

    private static String property(String key, String value) {
        checkValue(key, value);
        return PowerShell.literal(key + "=" + value);
    }

    private static void checkValue(String what, String value) {
        if (value == null || value.isBlank() || value.strip().length() != value.length()
                || value.chars().anyMatch(c -> PROPERTY_FORBIDDEN.indexOf(c) >= 0)) {
            throw new IllegalArgumentException("the " + what + " must be given, without surrounding spaces and "
                    + "without any of " + PROPERTY_FORBIDDEN + ": " + value);
        }
    }

    private static String join(List<String> names) {
        return names == null ? "" : String.join(", ", names);
    }
}

package io.wfdr.restore.harness;

import io.wfdr.restore.windows.PowerShellResult;
import io.wfdr.restore.windows.PowerShellScript;
import io.wfdr.restore.windows.WindowsHost;
import io.wfdr.restore.windows.WindowsHostFailure;
import io.wfdr.restore.windows.WindowsHosts;
import io.wfdr.restore.windows.WindowsTarget;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.inject.Inject;

/** The real PowerShell-over-SSH adapter, its every script's time counted in {@link AdapterTime}. */
@Decorator
@Priority(10)
public abstract class TimedWindowsHosts implements WindowsHosts {

    @Inject
    @Delegate
    WindowsHosts hosts;

    @Inject
    AdapterTime time;

    @Override
    public WindowsHost open(WindowsTarget target) {
        WindowsHost host = hosts.open(target);
        return new WindowsHost() {
            @Override
            public String display() {
                return host.display();
            }

            @Override
            public PowerShellResult run(PowerShellScript script) throws WindowsHostFailure {
                return time.timed(() -> host.run(script));
            }
        };
    }
}

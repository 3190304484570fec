package io.wfdr.inventory.api;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What is installed besides the operating system and SQL Server: the TRANSFLO Server and Workflow versions (a DR
 * server must match its production server), the browser (the guide: Internet Explorer 9.0 or 11.0, 32-bit, on the
 * Workflow Web Server) and the Windows updates the guide requires, by KB number (e.g. KB828741, the RPC/DCOM
 * update Windows Server 2016 needs).
 */
public record InstalledSoftware(@Size(max = 50) String transfloVersion, @Size(max = 50) String workflowVersion,
        @Size(max = 100) String browser,
        @Size(max = 50) List<@NotNull @Pattern(regexp = "[Kk][Bb][0-9]{4,8}",
                message = "must be a Windows update's KB number, e.g. KB828741") String> updates) {

    public InstalledSoftware {
        updates = updates == null ? List.of() : List.copyOf(updates);
    }
}

package cn.pujin.open.input.boundary;

import cn.pujin.open.input.control.InputAttachments;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.primefaces.model.file.UploadedFile;
import org.primefaces.model.file.UploadedFiles;

/** The files a page's upload field received (empty ones left out), as the workflow takes them. */
public final class Uploads {

    private Uploads() {}

    public static List<InputAttachments.Upload> of(UploadedFiles files) throws IOException {
        List<InputAttachments.Upload> uploads = new ArrayList<>();
        if (files != null) {
            for (UploadedFile f : files.getFiles()) {
                if (f.getSize() > 0) {
                    uploads.add(new InputAttachments.Upload(f.getFileName(), f.getInputStream().readAllBytes()));
                }
            }
        }
        return uploads;
    }
}

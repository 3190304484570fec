package io.wfdr.snapshot.libvirt;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import io.wfdr.snapshot.domain.VmDefinition;

/** libvirt's domain XML: what a VM is (to create it again on another host), and the same VM on another disk. */
final class DomainXml {

    private DomainXml() {
    }

    static VmDefinition parse(String xml) {
        Document document = read(xml);
        Element root = document.getDocumentElement();
        Element disk = onlyDisk(document);
        List<String> macs = new ArrayList<>();
        NodeList interfaces = root.getElementsByTagName("interface");
        for (int i = 0; i < interfaces.getLength(); i++) {
            NodeList mac = ((Element) interfaces.item(i)).getElementsByTagName("mac");
            if (mac.getLength() > 0) {
                macs.add(((Element) mac.item(0)).getAttribute("address"));
            }
        }
        Element memory = (Element) root.getElementsByTagName("memory").item(0);
        return new VmDefinition(text(root, "name"), Integer.parseInt(text(root, "vcpu")),
                mebibytes(memory.getTextContent().strip(), memory.getAttribute("unit")), macs,
                child(disk, "target").getAttribute("dev"), child(disk, "source").getAttribute("file"), xml);
    }

    /** The domain with its disk at {@code diskPath} (a qcow2 of its own, no backing chain), ready to define. */
    static String withDisk(String xml, String diskPath) {
        Document document = read(xml);
        Element disk = onlyDisk(document);
        child(disk, "source").setAttribute("file", diskPath);
        child(disk, "driver").setAttribute("type", "qcow2");
        NodeList backing = disk.getElementsByTagName("backingStore");
        while (backing.getLength() > 0) {
            backing.item(0).getParentNode().removeChild(backing.item(0));
        }
        return write(document);
    }

    private static Element onlyDisk(Document document) {
        List<Element> disks = new ArrayList<>();
        NodeList all = document.getElementsByTagName("disk");
        for (int i = 0; i < all.getLength(); i++) {
            Element disk = (Element) all.item(i);
            if ("disk".equals(disk.getAttribute("device")) && "file".equals(disk.getAttribute("type"))) {
                disks.add(disk);
            }
        }
        if (disks.size() != 1) {
            throw new IllegalArgumentException("wfdr snapshots VMs with exactly one file-backed disk; this one has "
                    + disks.size());
        }
        return disks.get(0);
    }

    private static long mebibytes(String amount, String unit) {
        long value = Long.parseLong(amount);
        return switch (unit == null || unit.isEmpty() ? "KiB" : unit) {
            case "b", "bytes" -> value >> 20;
            case "KiB", "k" -> value >> 10;
            case "MiB", "M" -> value;
            case "GiB", "G" -> value << 10;
            default -> throw new IllegalArgumentException("a memory unit libvirt did not promise: " + unit);
        };
    }

    private static Element child(Element parent, String name) {
        NodeList found = parent.getElementsByTagName(name);
        if (found.getLength() == 0) {
            throw new IllegalArgumentException("the domain's disk has no <" + name + ">");
        }
        return (Element) found.item(0);
    }

    private static String text(Element root, String name) {
        return root.getElementsByTagName(name).item(0).getTextContent().strip();
    }

    private static Document read(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalArgumentException("libvirt's domain XML cannot be read: " + e.getMessage(), e);
        }
    }

    private static String write(Document document) {
        try {
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException("cannot write the domain XML", e);
        }
    }
}

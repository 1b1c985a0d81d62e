package dev.registryedge.cli.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The distribution configuration the operating tests start from (resource
 * {@code deploy/distribution-config.xml}) and the configurations they expect after a change,
 * written out here as edits of its text rather than computed by the code under test.
 */
public final class DistributionConfigs {

    /** The blob behaviour's viewer-request association in the template. */
    public static final String LEGACY_ASSOCIATION = """
                        <LambdaFunctionAssociation>
                          <LambdaFunctionARN>arn:aws:lambda:us-east-1:123456789012:function:legacy-redirect:1</LambdaFunctionARN>
                          <EventType>viewer-request</EventType>
                          <IncludeBody>false</IncludeBody>
                        </LambdaFunctionAssociation>
            """;
    private static final String TWO_ASSOCIATIONS = """
                      <Quantity>2</Quantity>
                      <Items>
                        <LambdaFunctionAssociation>
            """;

    private DistributionConfigs() {}

    /** The template, with ${id} and ${bucket} to fill in and the account 123456789012. */
    public static String template() {
        try (InputStream in = DistributionConfigs.class.getResourceAsStream("/deploy/distribution-config.xml")) {
            String template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (!template.contains(LEGACY_ASSOCIATION) || !template.contains(TWO_ASSOCIATIONS)) {
                throw new IllegalStateException("the template's blob behaviour is not as these tests expect");
            }
            return template;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A configuration of the template's shape with the viewer-request association taken out. */
    public static String withoutViewerRequest(String config, String account) {
        String association = LEGACY_ASSOCIATION.replace("123456789012", account);
        if (!config.contains(association)) {
            throw new IllegalArgumentException("no legacy viewer-request association in " + config);
        }
        return config.replace(association, "").replace(TWO_ASSOCIATIONS, TWO_ASSOCIATIONS.replace(
                "<Quantity>2</Quantity>", "<Quantity>1</Quantity>"));
    }

    /**
     * A configuration written out the same whatever the order of members (the SDK writes them in
     * its model's order) and the white space: each element with its children sorted by name,
     * namesakes kept in their order, since the order of list items matters.
     */
    public static String canonical(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Element root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(
                    StandardCharsets.UTF_8))).getDocumentElement();
            StringBuilder text = new StringBuilder();
            write(root, text);
            return text.toString();
        } catch (Exception e) {
            throw new IllegalArgumentException("not XML: " + xml, e);
        }
    }

    private static void write(Element element, StringBuilder text) {
        List<Element> children = new ArrayList<>();
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                children.add(child);
            }
        }
        text.append('<').append(element.getLocalName()).append('>');
        if (children.isEmpty()) {
            text.append(element.getTextContent());
        }
        children.sort(Comparator.comparing(Element::getLocalName));
        children.forEach(child -> write(child, text));
        text.append("</").append(element.getLocalName()).append(">\n");
    }
}

package dev.registryedge.cli.deploy;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;

/**
 * A distribution's configuration as CloudFront sent it, read as XML rather than through the
 * SDK's model: to find elements the model does not have (which UpdateDistribution, replacing the
 * whole configuration, would drop), and to compare a configuration read back after a change with
 * the one before, element by element.
 */
final class ConfigXml {

    private final Element root;

    private ConfigXml(Element root) {
        this.root = root;
    }

    /** The {@code DistributionConfig} in a GetDistribution or UpdateDistribution answer. */
    static ConfigXml ofDistribution(byte[] xml) {
        Element document = parse(xml);
        Element config = child(document, "DistributionConfig");
        if (config == null) {
            throw new Refused("CloudFront's answer has no DistributionConfig");
        }
        return new ConfigXml(config);
    }

    /**
     * The paths of elements the SDK's model of {@code DistributionConfig} has no member for:
     * what writing the model back would lose.
     */
    List<String> unmodelled(Supplier<SdkPojo> model) {
        List<String> missing = new ArrayList<>();
        walk(root, model.get().sdkFields(), root.getLocalName(), missing);
        return missing;
    }

    private static void walk(Element element, List<SdkField<?>> fields, String path, List<String> missing) {
        for (Element child : children(element)) {
            String name = child.getLocalName();
            Optional<SdkField<?>> field = fields.stream().filter(f -> name.equals(f.unmarshallLocationName()))
                    .findFirst();
            String at = path + "/" + name;
            if (field.isEmpty()) {
                missing.add(at);
            } else if (field.get().marshallingType() == MarshallingType.SDK_POJO) {
                walk(child, field.get().constructor().get().sdkFields(), at, missing);
            } else if (field.get().marshallingType() == MarshallingType.LIST) {
                ListTrait list = field.get().getTrait(ListTrait.class);
                SdkField<?> member = list.memberFieldInfo();
                for (Element item : children(child)) {
                    if (!item.getLocalName().equals(list.memberLocationName())) {
                        missing.add(at + "/" + item.getLocalName());
                    } else if (member.marshallingType() == MarshallingType.SDK_POJO) {
                        walk(item, member.constructor().get().sdkFields(), at + "/" + item.getLocalName(), missing);
                    }
                }
            } else if (!children(child).isEmpty()) {
                missing.add(at + "/" + children(child).get(0).getLocalName());
            }
        }
    }

    /**
     * Every leaf as {@code path = text}, a repeated element numbered among its namesakes
     * ({@code CacheBehavior[2]}), so that only the order of lists counts, not the order of
     * members; the subtree {@code skip} says to leave out is left out.
     */
    Map<String, String> leaves(Skip skip) {
        Map<String, String> leaves = new LinkedHashMap<>();
        collect(root, root.getLocalName(), skip, leaves);
        return leaves;
    }

    /** A subtree to leave out of a comparison: the part a change is meant to change. */
    interface Skip {
        boolean skip(Element element);
    }

    /** The blob behaviour's Lambda@Edge associations. */
    static final Skip BLOB_ASSOCIATIONS = element -> element.getLocalName().equals("LambdaFunctionAssociations")
            && element.getParentNode() instanceof Element behaviour
            && BlobBehaviour.PATH_PATTERN.equals(text(behaviour, "PathPattern"));

    private static void collect(Element element, String path, Skip skip, Map<String, String> leaves) {
        List<Element> children = children(element);
        if (children.isEmpty()) {
            leaves.put(path, element.getTextContent());
            return;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (Element child : children) {
            if (skip.skip(child)) {
                continue;
            }
            int n = seen.merge(child.getLocalName(), 1, Integer::sum);
            collect(child, path + "/" + child.getLocalName() + "[" + n + "]", skip, leaves);
        }
    }

    /** What differs between two sets of leaves, as a short list for a message. */
    static List<String> differences(Map<String, String> before, Map<String, String> after) {
        TreeSet<String> paths = new TreeSet<>(before.keySet());
        paths.addAll(after.keySet());
        List<String> differences = new ArrayList<>();
        for (String path : paths) {
            String was = before.get(path);
            String now = after.get(path);
            if (was == null) {
                differences.add(path.replace("[1]", "") + " added");
            } else if (now == null) {
                differences.add(path.replace("[1]", "") + " lost");
            } else if (!was.equals(now)) {
                differences.add(path.replace("[1]", "") + " '" + was + "' -> '" + now + "'");
            }
        }
        return differences;
    }

    private static Element parse(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml)).getDocumentElement();
        } catch (Exception notXml) {
            throw new Refused("CloudFront's answer is not XML: " + notXml.getMessage());
        }
    }

    private static List<Element> children(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                children.add(e);
            }
        }
        return children;
    }

    private static Element child(Element parent, String name) {
        return children(parent).stream().filter(e -> e.getLocalName().equals(name)).findFirst().orElse(null);
    }

    private static String text(Element parent, String name) {
        Element child = child(parent, name);
        return child == null ? null : child.getTextContent();
    }
}

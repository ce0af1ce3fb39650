package vn.bhxh.elasticsearch.node;

import java.util.List;
import java.util.stream.Collectors;

/**
 * How a node takes part in a cluster of several local nodes on the loopback address.
 *
 * @param clusterName the cluster every node names
 * @param nodeName this node's name, unique in the cluster
 * @param transportPort this node's transport port (the other nodes find it there)
 * @param seedTransportPorts the transport ports of every node, this one included
 * @param initialMasterNodes the names of the master-eligible nodes that form the cluster the first time
 */
public record ClusterMembership(String clusterName, String nodeName, int transportPort, List<Integer> seedTransportPorts,
        List<String> initialMasterNodes) {

    public ClusterMembership {
        seedTransportPorts = List.copyOf(seedTransportPorts);
        initialMasterNodes = List.copyOf(initialMasterNodes);
        if (!initialMasterNodes.contains(nodeName)) {
            throw new IllegalArgumentException("node " + nodeName + " is not among the initial master nodes " + initialMasterNodes);
        }
    }

    String seedHosts() {
        return seedTransportPorts.stream().map(port -> "127.0.0.1:" + port).collect(Collectors.joining(","));
    }
}

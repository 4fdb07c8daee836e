package io.postage.internal;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Orders a class's declared methods as its source declares them. Reflection returns them in no
 * particular order, so this reads the order javac wrote into the class file (the methods table).
 * When the class file cannot be read, methods fall back to alphabetical order.
 */
public final class DeclarationOrder {
    private DeclarationOrder() {
    }

    /**
     * @param type a class
     * @return its declared methods, in source order
     */
    public static List<Method> methodsOf(Class<?> type) {
        List<Method> methods = new ArrayList<>(Arrays.asList(type.getDeclaredMethods()));
        Map<String, Integer> positions = methodPositions(type);
        methods.sort(Comparator.comparing((Method m) -> positions.getOrDefault(signature(m), Integer.MAX_VALUE))
                .thenComparing(Method::getName)
                .thenComparing(DeclarationOrder::descriptor));
        return methods;
    }

    private static String signature(Method method) {
        return method.getName() + descriptor(method);
    }

    private static String descriptor(Method method) {
        return MethodType.methodType(method.getReturnType(), method.getParameterTypes())
                .toMethodDescriptorString();
    }

    private static Map<String, Integer> methodPositions(Class<?> type) {
        String resource = type.getName().substring(type.getName().lastIndexOf('.') + 1) + ".class";
        try (InputStream in = type.getResourceAsStream(resource)) {
            return in == null ? Map.of() : readMethodTable(new DataInputStream(in));
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
    }

    /** Reads the class file up to its methods table (JVMS 4.1): name+descriptor to position. */
    private static Map<String, Integer> readMethodTable(DataInputStream in) throws IOException {
        if (in.readInt() != 0xCAFEBABE) {
            return Map.of();
        }
        in.readUnsignedShort(); // minor version
        in.readUnsignedShort(); // major version
        String[] utf8 = readConstantPoolStrings(in);
        in.readUnsignedShort(); // access flags
        in.readUnsignedShort(); // this class
        in.readUnsignedShort(); // super class
        skip(in, 2 * in.readUnsignedShort()); // interfaces
        skipMembers(in); // fields
        int methodCount = in.readUnsignedShort();
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < methodCount; i++) {
            in.readUnsignedShort(); // access flags
            String name = utf8[in.readUnsignedShort()];
            String descriptor = utf8[in.readUnsignedShort()];
            positions.putIfAbsent(name + descriptor, i);
            skipAttributes(in);
        }
        return positions;
    }

    private static String[] readConstantPoolStrings(DataInputStream in) throws IOException {
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        for (int index = 1; index < count; index++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[index] = in.readUTF();
                case 7, 8, 16, 19, 20 -> skip(in, 2); // class, string, method type, module, package
                case 15 -> skip(in, 3); // method handle
                case 3, 4, 9, 10, 11, 12, 17, 18 -> skip(in, 4); // int, float, refs, name-and-type, dynamic
                case 5, 6 -> { // long and double take two entries
                    skip(in, 8);
                    index++;
                }
                default -> throw new IOException("Unknown constant pool tag " + tag);
            }
        }
        return utf8;
    }

    private static void skipMembers(DataInputStream in) throws IOException {
        int count = in.readUnsignedShort();
        for (int i = 0; i < count; i++) {
            skip(in, 6); // access flags, name, descriptor
            skipAttributes(in);
        }
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        int count = in.readUnsignedShort();
        for (int i = 0; i < count; i++) {
            in.readUnsignedShort(); // name
            skip(in, in.readInt());
        }
    }

    private static void skip(DataInputStream in, int bytes) throws IOException {
        in.skipNBytes(bytes);
    }
}
